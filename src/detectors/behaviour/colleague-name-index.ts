/**
 * Finds internal users whose display name a sender's name reproduces: exactly, reordered
 * ("Doe, Jane"), with confusable letters (Cyrillic "а", "rn" for "m") or one typo per word.
 * Built from the tenant's learned internal senders and rebuilt when their names change (at
 * most once per `REBUILD_EVERY` learned messages, so a growing tenant does not rebuild per message).
 */
import type { TenantBehaviour } from '../../behaviour/tenant-behaviour.ts';
import { editDistance, skeleton } from '../shared/lookalike.ts';

export interface ColleagueMatch {
  address: string;
  name: string;
  exact: boolean;
}

interface IndexedName {
  address: string;
  name: string;
  words: string[];
}

interface BuiltIndex {
  version: number;
  learnedAt: number;
  byWord: Map<string, IndexedName[]>;
}

/** A young model rebuilds as it doubles; a grown one at most every this many messages. */
const REBUILD_EVERY = 2000;
const WORD = /[\p{L}\p{N}]+/gu;
/** Words a display name adds around a person's name without changing who it names. */
const NOISE = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'the',
  'from',
  'via',
  'sent',
  'iphone',
  'mobile',
  'office',
  'personal',
]);

/** Lower-case, accents and confusables folded, noise words dropped. */
export function nameWords(name: string): string[] {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return (plain.match(WORD) ?? []).map((w) => skeleton(w)).filter((w) => w.length > 1 && !NOISE.has(w));
}

const built = new WeakMap<TenantBehaviour, BuiltIndex>();

function indexFor(model: TenantBehaviour): BuiltIndex {
  const current = built.get(model);
  if (current && (current.version === model.namesVersion || !rebuildDue(model.learned, current.learnedAt))) return current;
  const byWord = new Map<string, IndexedName[]>();
  for (const [address, profile] of model.users()) {
    if (profile.sent === 0) continue;
    for (const [name] of profile.names.top(2)) {
      const words = nameWords(name);
      if (words.length < 2) continue;
      const entry = { address, name, words };
      for (const word of new Set(words)) {
        const list = byWord.get(word);
        if (list) list.push(entry);
        else byWord.set(word, [entry]);
      }
    }
  }
  const index = { version: model.namesVersion, learnedAt: model.learned, byWord };
  built.set(model, index);
  return index;
}

function wordMatches(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && editDistance(a, b, 1) <= 1;
}

/** Colleagues whose every name word appears in `displayName` (exactly or within one edit). */
export function colleaguesNamed(model: TenantBehaviour, displayName: string): ColleagueMatch[] {
  const words = nameWords(displayName);
  if (words.length < 2) return [];
  const { byWord } = indexFor(model);
  const candidates = new Set<IndexedName>();
  for (const word of words) for (const entry of byWord.get(word) ?? []) candidates.add(entry);
  const matches: ColleagueMatch[] = [];
  for (const entry of candidates) {
    const all = entry.words.every((w) => words.some((d) => wordMatches(d, w)));
    if (!all) continue;
    matches.push({ address: entry.address, name: entry.name, exact: entry.words.every((w) => words.includes(w)) });
  }
  return matches;
}

function rebuildDue(learned: number, learnedAt: number): boolean {
  return learned - learnedAt >= Math.min(REBUILD_EVERY, Math.max(16, learnedAt));
}
