/**
 * The first characters a phrase pattern can start with, so matching can jump straight to the
 * few phrases worth trying at each word instead of running every alternative at every
 * position (a 200-phrase alternation costs over a millisecond per message; this costs tens of
 * microseconds).
 *
 * Understands the regex subset lexicons are written in: literals, escapes (`\d`, `\$`, `\s`),
 * character classes, non-capturing groups with `|`, and the quantifiers `? * + {m,n}`.
 */

type Atom =
  | { kind: 'chars'; chars: string[]; min: number; max: number }
  | { kind: 'group'; alternatives: Atom[][]; min: number; max: number };

const DIGITS = [...'0123456789'];
/** Stands for "any character" (`.`, `\\S`, `\\w`...): fine later in a phrase, not in its first characters. */
const ANY = '\u0000';
/** More distinct prefixes than this means the pattern starts too loosely to index. */
const MAX_PREFIXES = 4000;

export class UnindexablePatternError extends Error {}

/** Every string of exactly `length` characters a match of `pattern` can begin with. */
export function phrasePrefixes(pattern: string, length = 2): Set<string> {
  const [sequence] = parseSequence(pattern, 0);
  const prefixes = new Set<string>();
  for (const start of sequencePrefixes(sequence, length)) {
    if (start.length < length) throw new UnindexablePatternError(`phrase "${pattern}" can match fewer than ${length} characters`);
    if (start.includes(ANY)) throw new UnindexablePatternError(`phrase "${pattern}" must start with ${length} known characters`);
    prefixes.add(start);
  }
  return prefixes;
}

/** Strings of up to `length` characters that the sequence can start with; shorter ones mean it ended. */
function sequencePrefixes(sequence: Atom[], length: number): Set<string> {
  let current = new Set<string>(['']);
  for (const atom of sequence) {
    const next = new Set<string>();
    // Many starts leave the same number of characters to fill: work each of those out once.
    const byRemaining = new Map<number, Set<string>>();
    for (const start of current) {
      if (start.length >= length) {
        next.add(start);
        continue;
      }
      const remaining = length - start.length;
      let mores = byRemaining.get(remaining);
      if (!mores) {
        mores = atomPrefixes(atom, remaining);
        byRemaining.set(remaining, mores);
      }
      for (const more of mores) {
        next.add(start + more);
        // Checked as the set grows: a loose start (`\d{4}`) would otherwise build every combination first.
        if (next.size > MAX_PREFIXES) throw new UnindexablePatternError('pattern starts too loosely to index');
      }
    }
    current = next;
  }
  return current;
}

function atomPrefixes(atom: Atom, length: number): Set<string> {
  const once = atom.kind === 'chars' ? new Set(atom.chars) : unionOf(atom.alternatives.map((alt) => sequencePrefixes(alt, length)));
  const result = new Set<string>();
  let reps = new Set<string>(['']);
  for (let count = 1; count <= Math.min(atom.max, length); count++) {
    if (count - 1 >= atom.min) for (const r of reps) result.add(r);
    const next = new Set<string>();
    for (const r of reps) {
      if (r.length >= length) next.add(r);
      else for (const o of once) next.add((r + o).slice(0, length));
      if (next.size > MAX_PREFIXES) throw new UnindexablePatternError('pattern starts too loosely to index');
    }
    reps = next;
  }
  for (const r of reps) result.add(r);
  if (atom.min === 0) result.add('');
  return result;
}

function unionOf(sets: Set<string>[]): Set<string> {
  const all = new Set<string>();
  for (const set of sets) for (const value of set) all.add(value);
  return all;
}

/** Parses until `)` or the end; returns the alternatives' first sequence when there is no `|`. */
function parseSequence(source: string, index: number): [Atom[], number] {
  const [alternatives, end] = parseAlternatives(source, index);
  if (alternatives.length === 1) return [alternatives[0], end];
  return [[{ kind: 'group', alternatives, min: 1, max: 1 }], end];
}

function parseAlternatives(source: string, start: number): [Atom[][], number] {
  const alternatives: Atom[][] = [[]];
  let i = start;
  while (i < source.length && source[i] !== ')') {
    const ch = source[i];
    let atom: Atom;
    if (ch === '|') {
      alternatives.push([]);
      i++;
      continue;
    }
    if (ch === '(') {
      if (!source.startsWith('(?:', i)) throw new UnindexablePatternError(`only (?:...) groups are supported: ${source}`);
      const [inner, end] = parseAlternatives(source, i + 3);
      atom = { kind: 'group', alternatives: inner, min: 1, max: 1 };
      i = end + 1;
    } else if (ch === '[') {
      const end = source.indexOf(']', i + 1);
      atom = { kind: 'chars', chars: classChars(source.slice(i + 1, end)), min: 1, max: 1 };
      i = end + 1;
    } else if (ch === '\\') {
      atom = { kind: 'chars', chars: escapeChars(source[i + 1]), min: 1, max: 1 };
      i += 2;
    } else if (ch === '.') {
      atom = { kind: 'chars', chars: [ANY], min: 1, max: 1 };
      i++;
    } else {
      atom = { kind: 'chars', chars: [ch], min: 1, max: 1 };
      i++;
    }
    i = readQuantifier(source, i, atom);
    alternatives[alternatives.length - 1].push(atom);
  }
  return [alternatives, i];
}

function readQuantifier(source: string, index: number, atom: Atom): number {
  const ch = source[index];
  if (ch === '?') [atom.min, atom.max] = [0, 1];
  else if (ch === '*') [atom.min, atom.max] = [0, Number.POSITIVE_INFINITY];
  else if (ch === '+') [atom.min, atom.max] = [1, Number.POSITIVE_INFINITY];
  else if (ch === '{') {
    const close = source.indexOf('}', index);
    const [min, max] = source.slice(index + 1, close).split(',');
    atom.min = Number(min);
    atom.max = max === undefined ? atom.min : max === '' ? Number.POSITIVE_INFINITY : Number(max);
    return close + 1;
  } else return index;
  return index + 1;
}

function escapeChars(ch: string): string[] {
  if (ch === 'd') return DIGITS;
  if (ch === 's') return [' '];
  if ('wWSD'.includes(ch)) return [ANY];
  if ('bB'.includes(ch)) throw new UnindexablePatternError('word boundaries are added by the lexicon; do not write \\b');
  return [ch];
}

function classChars(body: string): string[] {
  if (body.startsWith('^')) throw new UnindexablePatternError('negated classes are not supported in phrases');
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      chars.push(...escapeChars(body[++i]));
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body.charCodeAt(i + 2);
      for (let code = ch.charCodeAt(0); code <= to; code++) chars.push(String.fromCharCode(code));
      i += 2;
      continue;
    }
    chars.push(ch);
  }
  return chars;
}
