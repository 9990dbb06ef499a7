/**
 * Random tracking tokens that bulk tools append to subjects and display names so that no two
 * copies of a campaign are identical: `Comunicado urgente - Ve6kbag`, `Crédito liberado - v5V0ZVRe1Hjaz`,
 * `Your invoice #7731-AX`. People do not type these; order numbers are digits or a fixed prefix
 * followed by digits, which is why a digit must sit between letters (or letters follow a
 * number after a dash) for a token to count.
 */

/** The last word after a separator, a hash or a bracket. */
const TRAILING_TOKEN = /(?:^|\s[-–—|:~]\s*|\s#|\s\[|\s\(|\s)#?([A-Za-z0-9]{5,24}|\d{3,8}-[A-Z]{2,4})[\])]?\s*[.!]?\s*$/;
/** Letters on both sides of a digit, or a numeric code with a letter suffix. */
const MIXED = /[A-Za-z]\d+[A-Za-z]|^\d{3,8}-[A-Z]{2,4}$/;
/** Case changing inside a word (`xsjgzJ5uk`, `UVJFTo`), as random generators do and people do not. */
const CASE_FLIPS = /[a-z][A-Z]|[A-Z]{2}[a-z]/g;
const DIGIT = /\d/g;
/** `Ve6kbag`: a capital, then a digit inside the lower-case run, which no word or name has. */
const CAPITAL_THEN_DIGIT = /^[A-Z][a-z]*\d[a-z]{2,}/;
/** Product codes and units that legitimately mix letters and digits. */
const BENIGN =
  /^(?:mp3s?|mp4|h264|x264|ipv[46]\w*|utf8\w*|ps[2-5]\w*|win\d+\w*|v\d+[a-z]{0,2}\d*|\d+(?:st|nd|rd|th|am|pm|gb|mb|kb|tb|px|mm|cm|km|kg|hz|mhz|ghz|x\d+))$/i;

/** The trailing random token of a short text line, if it has one. */
export function trailingRandomToken(line: string): string | undefined {
  const token = TRAILING_TOKEN.exec(line)?.[1];
  if (!token || BENIGN.test(token)) return undefined;
  if (!MIXED.test(token)) return undefined;
  // Words with one digit inside ("pop3proxy", "Fax2Mail") are names; generated tokens flip case
  // inside a word or scatter several digits.
  const flips = token.match(CASE_FLIPS)?.length ?? 0;
  const digits = token.match(DIGIT)?.length ?? 0;
  if (flips === 0 && digits < 2 && !token.includes('-') && !CAPITAL_THEN_DIGIT.test(token)) return undefined;
  return token;
}
