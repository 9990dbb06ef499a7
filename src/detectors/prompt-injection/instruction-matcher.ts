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
  // Phrases share their required words ("instruction", "user"...): search the text for each once.
  const present = new Map<string, boolean>();
  const contains = (word: string): boolean => {
    let found = present.get(word);
    if (found === undefined) {
      found = lower.includes(word);
      present.set(word, found);
    }
    return found;
  };
  for (const { phrase, regex } of COMPILED) {
    if (!phrase.requires.some(contains)) continue;
    const found = regex.exec(lower);
    if (found) matches.push(toMatch(phrase, shown, found.index, found[0].length));
  }
  return matches;
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
