/**
 * One canonical form of text for lexicon matching, so a phrase is written once and still
 * matches "𝐕𝐞𝐫𝐢𝐟𝐲 𝐲𝐨𝐮𝐫 𝐚𝐜𝐜𝐨𝐮𝐧𝐭", "Vеrify" with a Cyrillic "е", "VÉRIFIEZ" and text that wraps
 * over several lines. Lure senders use exactly these tricks to slip past keyword filters.
 */

/**
 * Cyrillic and Greek letters that look like Latin ones. Mapping them is harmless for our
 * lexicons (none is written in those scripts) and undoes the commonest homoglyph disguise.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
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
  ꞵ: 'b',
  ɑ: 'a',
  ı: 'i',
};
/** Zero-width characters and soft hyphens, inserted to break words apart invisibly. */
const INVISIBLE = '\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFEFF';
const APOSTROPHES = '\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\u2032';
/** Everything folded character by character, in one pass: accents (once decomposed), invisibles, homoglyphs, apostrophes. */
const FOLDABLE = new RegExp(`[\\p{M}${INVISIBLE}${APOSTROPHES}${Object.keys(CONFUSABLES).join('')}]`, 'gu');
const ASCII_APOSTROPHES = /[`]/g;
const WHITESPACE = /\s+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

function fold(ch: string): string {
  if (APOSTROPHES.includes(ch)) return "'";
  return CONFUSABLES[ch] ?? '';
}

/**
 * Lower-case, compatibility-folded (NFKD), accent-free text with homoglyphs mapped to Latin,
 * invisible characters removed, typographic apostrophes made straight and every run of
 * whitespace (line breaks included) collapsed to one space.
 */
export function normaliseForMatching(text: string): string {
  if (!text) return '';
  // Plain ASCII (most mail) has no accents, homoglyphs or compatibility forms to fold.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_APOSTROPHES, "'").replace(WHITESPACE, ' ').trim();
  // NFKD turns styled letters (𝐕, ｖ) into plain ones and splits accents off their letters.
  return text.normalize('NFKD').toLowerCase().replace(FOLDABLE, fold).replace(WHITESPACE, ' ').trim();
}
