/**
 * Display names are written to be read by people, so lures hide brand and role words from
 * simple matching: combining marks between letters (`Aܿmܿaܿzܿon`), zero-width characters,
 * letters spaced apart (`C o i n b a s e`), full-width forms. These helpers undo that so the
 * detectors compare what a reader sees.
 */

const FORMAT_CHARACTERS = /[\p{Cf}\p{Mn}\p{Me}]/gu;
/** Five or more single letters separated by single spaces: no name is written like that. */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}] ){4,}[\p{L}\p{N}](?![\p{L}\p{N}])/gu;

/** Cyrillic and Greek letters that pass for Latin ones, folded only inside words that mix scripts. */
const LATIN_LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  ё: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ζ: 'Z',
};
const WORD = /[\p{L}\p{N}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const INVISIBLE_BETWEEN_LETTERS = /\p{Script=Latin}(?:[\u200b-\u200d\u2060-\u2064\ufeff\u00ad]|\u034f)+\p{Script=Latin}/u;
const FOREIGN_MARK_ON_LATIN = /\p{Script=Latin}[[\p{Mn}\p{Me}]--[\u0300-\u036f]]/v;

/** True for a word that mixes Latin with Cyrillic or Greek letters (`Pаypal` with a Cyrillic а). */
function mixesScripts(word: string): boolean {
  return LATIN.test(word) && CYRILLIC_OR_GREEK.test(word);
}

/**
 * What a reader sees: marks and invisible characters removed, compatibility forms folded, spacing
 * collapsed, and Cyrillic or Greek look-alikes inside otherwise Latin words read as Latin.
 */
export function readableName(name: string): string {
  if (!name) return '';
  const cleaned = name.normalize('NFKD').replace(FORMAT_CHARACTERS, '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!CYRILLIC_OR_GREEK.test(cleaned)) return cleaned;
  return cleaned.replace(WORD, (word) => (mixesScripts(word) ? [...word].map((c) => LATIN_LOOKALIKES[c] ?? c).join('') : word));
}

/** Joins letters written apart (`C o i n b a s e` -> `Coinbase`); other text is kept as is. */
export function joinSpacedLetters(name: string): string {
  return name.replace(SPACED_LETTERS, (run) => run.replaceAll(' ', ''));
}

/**
 * How the raw name differs from what it reads as, in a way no ordinary name needs: letters spaced
 * apart, Latin words with Cyrillic or Greek letters slipped in, or invisible or combining
 * characters inside Latin words. Undefined for an ordinary name.
 */
export function disguiseIn(name: string): string | undefined {
  if (!name) return undefined;
  const readable = readableName(name);
  if (joinSpacedLetters(readable) !== readable) return 'letters spaced apart';
  if (CYRILLIC_OR_GREEK.test(name) && (name.normalize('NFKC').match(WORD) ?? []).some(mixesScripts)) {
    return 'Cyrillic or Greek letters inside Latin words';
  }
  // Accented letters decompose into a Latin letter plus a combining mark; only marks that are not
  // part of such a letter (after NFC) betray a disguise. Invisible characters count between letters
  // only: emoji sequences are joined with the same zero-width joiner.
  if (INVISIBLE_BETWEEN_LETTERS.test(name) || FOREIGN_MARK_ON_LATIN.test(name.normalize('NFC'))) {
    return 'invisible or combining characters between letters';
  }
  return undefined;
}
