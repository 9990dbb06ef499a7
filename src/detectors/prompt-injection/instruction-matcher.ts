import { INSTRUCTION_PHRASES, type InstructionCategory, type InstructionPhrase } from './lexicon.ts';

/** One lexicon phrase found in a text, with the words around it for evidence. */
export interface InstructionMatch {
  phrase: string;
  category: InstructionCategory;
  strength: 'strong' | 'weak';
  /** The matched words with a little context, whitespace collapsed. */
  excerpt: string;
}

/** Longest text examined: instructions meant for a model sit near where it will read them. */
const MAX_TEXT_CHARS = 200_000;
const EXCERPT_BEFORE = 20;
const EXCERPT_AFTER = 90;

const COMPILED = INSTRUCTION_PHRASES.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern) }));
const REQUIRED_WORDS = [...new Set(INSTRUCTION_PHRASES.flatMap((phrase) => phrase.requires))];
const REQUIRED_WORD = new RegExp(REQUIRED_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const REQUIRED_BY_FIRST_CHAR = new Map<string, string[]>();
for (const word of REQUIRED_WORDS) REQUIRED_BY_FIRST_CHAR.set(word[0], [...(REQUIRED_BY_FIRST_CHAR.get(word[0]) ?? []), word]);

/** Characters that hide inside words or between them without being seen; removed before matching. */
const INVISIBLE = /\u034f|[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** Typographic apostrophes and dashes written by mail editors. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/** Collapse a text to the shape the lexicon is written for. */
export function normaliseForMatching(text: string): string {
  const bounded = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  return bounded.replace(INVISIBLE, '').replace(APOSTROPHES, "'").replace(/\s+/g, ' ');
}

/** Every lexicon phrase present in `text` (first occurrence of each). */
export function findInstructions(text: string): InstructionMatch[] {
  if (text.length < 8) return [];
  const flat = normaliseForMatching(text);
  const lower = flat.toLowerCase();
  // Lower-casing keeps offsets for nearly all text; when it does not, quote the lower-cased form.
  const shown = lower.length === flat.length ? flat : lower;
  const matches: InstructionMatch[] = [];
  const present = requiredWordsIn(lower);
  for (const { phrase, regex } of COMPILED) {
    if (!phrase.requires.some((word) => present.has(word))) continue;
    const found = regex.exec(lower);
    if (found) matches.push(toMatch(phrase, shown, found.index, found[0].length));
  }
  return matches;
}

/**
 * The phrases' required words that occur in `lower`, in one pass over it: one alternation of all
 * of them finds every place where one starts (resuming a character later, so words that overlap
 * are all seen), where the candidates sharing that first character are compared. Phrases share
 * their required words, and most are absent from most mail, so a search per word read the
 * whole text dozens of times over.
 */
function requiredWordsIn(lower: string): Set<string> {
  const present = new Set<string>();
  REQUIRED_WORD.lastIndex = 0;
  for (let found = REQUIRED_WORD.exec(lower); found; found = REQUIRED_WORD.exec(lower)) {
    for (const word of REQUIRED_BY_FIRST_CHAR.get(lower[found.index]) ?? []) {
      if (lower.startsWith(word, found.index)) present.add(word);
    }
    REQUIRED_WORD.lastIndex = found.index + 1;
  }
  return present;
}

function toMatch(phrase: InstructionPhrase, text: string, index: number, length: number): InstructionMatch {
  const start = Math.max(0, index - EXCERPT_BEFORE);
  const end = Math.min(text.length, index + length + EXCERPT_AFTER);
  const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  return { phrase: phrase.id, category: phrase.category, strength: phrase.strength, excerpt };
}

/**
 * Whether the matches amount to instructions meant for an assistant: one strong phrase, or
 * weak phrases of two different kinds (e.g. "as an AI" plus "visit this link").
 */
export function isAssistantDirected(matches: readonly InstructionMatch[]): boolean {
  if (matches.some((m) => m.strength === 'strong')) return true;
  return new Set(matches.map((m) => m.category)).size >= 2;
}

/** The most telling match first: strong before weak, then lexicon order. */
export function strongestFirst(matches: readonly InstructionMatch[]): InstructionMatch[] {
  return [...matches].sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'strong' ? -1 : 1));
}
