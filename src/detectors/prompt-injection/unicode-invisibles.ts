/**
 * Characters that take no space on screen but reach a language model intact: zero-width
 * characters wedged inside words, and Unicode "tag" characters (U+E0000-U+E007F), each of which
 * mirrors an ASCII character, so a whole sentence can ride invisibly inside a subject line.
 */

/** U+E0000-U+E007F as a run; the only legitimate use is the subdivision flags (England, Scotland, Wales). */
const TAG_RUN = /(\u{1F3F4})?([\u{E0000}-\u{E007F}]+)/gu;
const ANY_TAG = /[\u{E0000}-\u{E007F}]/u;
const CANCEL_TAG = 0xe007f;
/** A flag's tag sequence: a region code such as `gbeng`, closed by CANCEL TAG. */
const SUBDIVISION_CODE = /^[a-z]{2}[a-z0-9]{1,4}$/;

/** ASCII text carried by tag characters, one entry per run (subdivision flags left out). */
export function decodeTagCharacters(text: string): string[] {
  if (!ANY_TAG.test(text)) return [];
  const decoded: string[] = [];
  for (const match of text.matchAll(TAG_RUN)) {
    let ascii = '';
    for (const char of match[2]) {
      const code = char.codePointAt(0)!;
      if (code !== CANCEL_TAG) ascii += String.fromCharCode(code - 0xe0000);
    }
    if (match[1] && SUBDIVISION_CODE.test(ascii)) continue;
    if (ascii.trim()) decoded.push(ascii);
  }
  return decoded;
}

/**
 * Zero-width space, non-joiner, joiner, word joiner and BOM between two letters or digits of a
 * Latin-script word: "pass\u200Bword". Between words, or next to emoji (where the joiner builds
 * emoji sequences) and in scripts that need the non-joiner (Persian, Indic), they are normal.
 */
const ZERO_WIDTH_IN_WORD = /[A-Za-z0-9]+(?:[\u200B-\u200D\u2060\uFEFF]+[A-Za-z0-9]+)+/g;
const ANY_ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Words split by zero-width characters, shown with the characters removed (what a reader sees). */
export function wordsSplitByZeroWidth(text: string): string[] {
  if (!ANY_ZERO_WIDTH.test(text)) return [];
  const words: string[] = [];
  for (const match of text.matchAll(ZERO_WIDTH_IN_WORD)) words.push(match[0].replace(ZERO_WIDTH, ''));
  return words;
}
