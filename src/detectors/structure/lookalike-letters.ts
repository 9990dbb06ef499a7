/**
 * Decorative Unicode letters that render like ordinary Latin text but are different code points:
 * mathematical alphanumerics (`𝐈𝐦𝐩𝐨𝐫𝐭𝐚𝐧𝐭`, `𝓟𝓪𝔂𝓟𝓪𝓵`), fullwidth forms (`Ａｍａｚｏｎ`), circled and squared
 * letters (`Ⓟⓐⓨ`, `🅿🅰🆈`). NFKC folds them back to the letters they imitate.
 */
import { clipEvidence } from '../../core/signal.ts';

const DECORATIVE = /[\u{1D400}-\u{1D7FF}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u24B6-\u24E9\u{1F130}-\u{1F189}]/gu;
/** Chinese, Japanese and Korean text uses fullwidth Latin letters as ordinary typography. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const DECORATIVE_NOT_FULLWIDTH = /[\u{1D400}-\u{1D7FF}\u24B6-\u24E9\u{1F130}-\u{1F189}]/gu;
/** One stray symbol (a fullwidth digit in a CJK subject, a circled letter as a bullet) is not a disguise. */
const MIN_LETTERS = 3;

/** Evidence when `text` spells words with decorative look-alike letters. */
export function lookalikeLetters(text: string, where: string): string[] | undefined {
  if (!text) return undefined;
  const count = text.match(CJK.test(text) ? DECORATIVE_NOT_FULLWIDTH : DECORATIVE)?.length ?? 0;
  if (count < MIN_LETTERS) return undefined;
  return [clipEvidence(`${where} reads as "${text.normalize('NFKC')}"`, 120), `${count} look-alike letters`];
}
