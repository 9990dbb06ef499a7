import { clipEvidence, type SignalHit } from '../../core/signal.ts';
import type { LanguageText } from './message-text.ts';
import { phrasePrefixes, UnindexablePatternError } from './phrase-prefixes.ts';

/**
 * Lexicons are data: phrase patterns with a strength each, compiled once into sticky regexes
 * keyed by the three characters a phrase can start with, so each word of a message is tried
 * only against the few phrases that could start there.
 *
 * A pattern is regex source written against normalised text (see `normaliseForMatching`):
 * lower case, no accents, straight apostrophes, single spaces. Groups must be non-capturing
 * (`(?:a|b)`); word boundaries are added around every phrase.
 */
export type PhraseLanguage = 'en' | 'pt' | 'es' | 'fr' | 'de' | 'it';

export interface Phrase {
  pattern: string;
  /** 0..1: how much this phrase alone says. 1 = unmistakable, 0.2 = only counts with others. */
  strength: number;
  lang: PhraseLanguage;
}

export interface Lexicon {
  name: string;
  phrases: readonly Phrase[];
  /** Three-character word starts -> one sticky regex over the phrases that can start there. */
  buckets: Map<string, PhraseBucket>;
}

interface PhraseBucket {
  regex: RegExp;
  phrases: Phrase[];
  /**
   * Every `FILTER_LENGTH`-character start of the bucket's phrases, when all of them have one:
   * most word starts share three characters with some phrase but not five, and a set lookup
   * rules them out far more cheaply than running the alternation.
   */
  starts?: Set<string>;
}

export type TextPlace = 'subject' | 'body' | 'link';

export interface PhraseMatch {
  phrase: Phrase;
  /** The words as they appeared (normalised). */
  text: string;
  where: TextPlace;
  /** Where the words start in the normalised text. */
  index: number;
}

const PREFIX_LENGTH = 3;
const FILTER_LENGTH = 5;
const DANGLING_SPACE = / $| \(\?:[^()]*\)\?$/;
const NOT_FOLLOWED_BY_LETTER_OR_DIGIT = '(?![\\p{L}\\p{N}])';

export function compileLexicon(name: string, phrases: readonly Phrase[]): Lexicon {
  const byPrefix = new Map<string, Phrase[]>();
  const longer = new Map<Phrase, Set<string> | undefined>();
  for (const phrase of phrases) {
    const groups = new RegExp(`|${phrase.pattern}`, 'u').exec('')?.length ?? 1;
    if (groups !== 1) throw new Error(`lexicon ${name}: phrase "${phrase.pattern}" has a capturing group; use (?:...)`);
    if (!(phrase.strength > 0 && phrase.strength <= 1))
      throw new Error(`lexicon ${name}: phrase "${phrase.pattern}" needs a strength in (0, 1]`);
    // "word (?:x)?" would demand a space after "word" even when the optional part is absent.
    if (DANGLING_SPACE.test(phrase.pattern))
      throw new Error(`lexicon ${name}: phrase "${phrase.pattern}" ends with a space or a space before an optional group`);
    longer.set(phrase, longerStarts(phrase.pattern));
    for (const prefix of phrasePrefixes(phrase.pattern, PREFIX_LENGTH)) {
      const list = byPrefix.get(prefix) ?? [];
      list.push(phrase);
      byPrefix.set(prefix, list);
    }
  }
  const buckets = new Map<string, PhraseBucket>();
  for (const [prefix, list] of byPrefix) {
    const alternatives = list.map((p) => `(${p.pattern})`).join('|');
    buckets.set(prefix, {
      regex: new RegExp(`(?:${alternatives})${NOT_FOLLOWED_BY_LETTER_OR_DIGIT}`, 'uy'),
      phrases: list,
      starts: unionOfStarts(list.map((p) => longer.get(p))),
    });
  }
  return { name, phrases, buckets };
}

/** A phrase's `FILTER_LENGTH`-character starts, or undefined when it is too short or too loose to have them. */
function longerStarts(pattern: string): Set<string> | undefined {
  try {
    return phrasePrefixes(pattern, FILTER_LENGTH);
  } catch (error) {
    if (error instanceof UnindexablePatternError) return undefined;
    throw error;
  }
}

/** The starts of all of a bucket's phrases, or undefined when one of them has none (then nothing is ruled out). */
function unionOfStarts(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  const all = new Set<string>();
  for (const set of sets) {
    if (!set) return undefined;
    for (const start of set) all.add(start);
  }
  return all;
}

/** Normalised text with the places where its words start, computed once and shared by every lexicon. */
export interface IndexedText {
  text: string;
  /**
   * The first `PREFIX_LENGTH` characters at each word start (a character after a non-letter,
   * non-digit) -> the offsets of those starts, ascending. The key is what lexicon buckets are keyed by.
   */
  startsByKey: Map<string, number[]>;
}

const ASCII_LETTER_OR_DIGIT = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') ASCII_LETTER_OR_DIGIT[ch.charCodeAt(0)] = 1;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function indexText(text: string): IndexedText {
  const startsByKey = new Map<string, number[]>();
  let previousIsWordChar = false;
  for (let i = 0; i + PREFIX_LENGTH <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (!previousIsWordChar && code !== 32) {
      const key = text.slice(i, i + PREFIX_LENGTH);
      const at = startsByKey.get(key);
      if (at) at.push(i);
      else startsByKey.set(key, [i]);
    }
    previousIsWordChar = code < 128 ? ASCII_LETTER_OR_DIGIT[code] === 1 : LETTER_OR_DIGIT.test(text[i]);
  }
  return { text, startsByKey };
}

/**
 * Every occurrence of the lexicon's phrases in the text, in order. Only positions that start a
 * word are tried, and only with the phrases that can start there. The text's distinct word
 * starts and the lexicon's buckets are joined from whichever side is smaller: most words of a
 * message start no phrase of a given lexicon, and are then never looked at one by one.
 */
export function* phraseOccurrences(lexicon: Lexicon, indexed: IndexedText): Generator<PhraseOccurrence> {
  const found: PhraseOccurrence[] = [];
  const { buckets } = lexicon;
  const { startsByKey } = indexed;
  if (buckets.size < startsByKey.size) {
    for (const [key, bucket] of buckets) {
      const at = startsByKey.get(key);
      if (at) matchAt(bucket, indexed.text, at, found);
    }
  } else {
    for (const [key, at] of startsByKey) {
      const bucket = buckets.get(key);
      if (bucket) matchAt(bucket, indexed.text, at, found);
    }
  }
  found.sort((a, b) => a.index - b.index);
  yield* found;
}

interface PhraseOccurrence {
  phrase: Phrase;
  text: string;
  index: number;
}

function matchAt(bucket: PhraseBucket, text: string, offsets: readonly number[], found: PhraseOccurrence[]): void {
  for (const start of offsets) {
    if (bucket.starts && !bucket.starts.has(text.slice(start, start + FILTER_LENGTH))) continue;
    bucket.regex.lastIndex = start;
    const match = bucket.regex.exec(text);
    if (!match) continue;
    const group = match.findIndex((value, g) => g > 0 && value !== undefined);
    const phrase = bucket.phrases[group - 1];
    if (phrase) found.push({ phrase, text: match[0], index: start });
  }
}

/** Distinct phrases of the lexicon found in one piece of text, first occurrence each. */
export function phrasesIn(lexicon: Lexicon, indexed: IndexedText, where: TextPlace, into: Map<Phrase, PhraseMatch> = new Map()) {
  for (const found of phraseOccurrences(lexicon, indexed)) {
    if (!into.has(found.phrase)) into.set(found.phrase, { ...found, where });
  }
  return into;
}

/** Distinct phrases found in subject, body and link texts (the subject first, as it is read first). */
export function phrasesInMessage(lexicon: Lexicon, text: LanguageText): PhraseMatch[] {
  const found = new Map<Phrase, PhraseMatch>();
  phrasesIn(lexicon, text.subject, 'subject', found);
  phrasesIn(lexicon, text.body, 'body', found);
  phrasesIn(lexicon, text.linkTexts, 'link', found);
  return [...found.values()];
}

/** Strength of the evidence: the strengths of the distinct phrases added up, capped at 1. */
export function lexiconFactor(matches: readonly PhraseMatch[]): number {
  const total = matches.reduce((sum, m) => sum + m.phrase.strength, 0);
  return Math.min(1, Math.round(total * 100) / 100);
}

/** Below this, a lone weak phrase is too thin to report. */
export const MIN_FACTOR = 0.3;
const MAX_EVIDENCE = 6;

/** A signal hit from lexicon matches, or undefined when the evidence is too thin. */
export function lexiconHit(id: string, matches: readonly PhraseMatch[], minFactor = MIN_FACTOR): SignalHit | undefined {
  const factor = lexiconFactor(matches);
  if (matches.length === 0 || factor < minFactor) return undefined;
  const strongestFirst = [...matches].sort((a, b) => b.phrase.strength - a.phrase.strength);
  return {
    id,
    factor,
    evidence: strongestFirst.slice(0, MAX_EVIDENCE).map((m) => clipEvidence(`"${m.text}" (${m.where})`, 100)),
  };
}
