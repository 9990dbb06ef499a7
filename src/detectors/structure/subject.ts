/**
 * structure.subject: a subject line built by a bulk tool rather than typed by a person.
 *
 * Catches: random tokens appended to vary each copy (`Comunicado urgente - Ve6kbag`), MIME
 * encoded-words that carry plain ASCII letters escaped one by one (`=?UTF-8?Q?=50=72=69=6D=65?=`
 * spelling "Prime", so that a filter reading the raw header sees no word), and subjects written in
 * look-alike letters (mathematical bold `𝐈𝐦𝐩𝐨𝐫𝐭𝐚𝐧𝐭`, fullwidth `Ａｍａｚｏｎ`) which read normally but match
 * no keyword; subjects shouted in capitals.
 * Known false positives: automated alerts written in capitals (weather warnings); ticket
 * systems that end subjects with a case reference mixing letters and digits; stylised subjects
 * of some creators' newsletters (mathematical letters).
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import { headerValue } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { lookalikeLetters } from './lookalike-letters.ts';
import { trailingRandomToken } from './random-token.ts';

const ENCODED_WORD = /=\?[^?\s]+\?([QqBb])\?([^?\s]*)\?=/g;
/** A Q-encoded escape of a letter or digit, which never needs escaping. */
const ESCAPED_LETTER = /=(3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa])/g;
const MIN_ESCAPED = 3;
/** Shouting needs a few words of it: short acronyms and tags (`RE: FYI`) are normal. */
const CAPS_MIN_LETTERS = 15;
const CAPS_MIN_WORDS = 3;
const NOT_LETTER = /[^\p{L}]/gu;
const UPPER = /\p{Lu}/u;
const SPACES = /\s+/;

const signals = [
  {
    id: 'STRUCT_SUBJECT_RANDOM_TOKEN',
    group: 'mime',
    weight: 1.5,
    indicates: 'spam',
    description: 'The subject ends with a random token that a bulk tool adds to make each copy unique',
  },
  {
    id: 'STRUCT_SUBJECT_ENCODED_ASCII',
    group: 'mime',
    weight: 1.5,
    indicates: 'spam',
    description: 'The subject escapes ordinary ASCII letters one by one, hiding its words from filters that read the raw header',
  },
  {
    id: 'STRUCT_SUBJECT_ALL_CAPS',
    group: 'mime',
    weight: 1,
    indicates: 'spam',
    description: 'The whole subject is written in capital letters',
  },
  {
    id: 'STRUCT_LOOKALIKE_LETTERS',
    group: 'mime',
    weight: 1.5,
    indicates: 'phish',
    description:
      'The subject or sender name is written in decorative look-alike letters (mathematical or fullwidth) that defeat keyword matching',
  },
] as const satisfies readonly SignalDefinition[];

/** Escaped letters in Q-encoded words, e.g. `=50=72=69=6D=65`. */
function escapedLetters(raw: string): number {
  let count = 0;
  for (const [, encoding, text] of raw.matchAll(ENCODED_WORD)) {
    if (encoding.toUpperCase() === 'Q') count += text.match(ESCAPED_LETTER)?.length ?? 0;
  }
  return count;
}

function shouting(subject: string): boolean {
  const letters = subject.replace(NOT_LETTER, '');
  if (letters.length < CAPS_MIN_LETTERS || !UPPER.test(letters) || letters !== letters.toUpperCase()) return false;
  return subject.split(SPACES).length >= CAPS_MIN_WORDS;
}

export const subjectDetector: Detector = {
  id: 'structure.subject',
  stage: 'analyze',
  signals,
  run(ctx) {
    const { message } = ctx;
    const hits: SignalHit[] = [];
    const subject = message.subject.trim();
    const token = subject.length <= 200 ? trailingRandomToken(subject) : undefined;
    if (token) hits.push({ id: 'STRUCT_SUBJECT_RANDOM_TOKEN', evidence: [clipEvidence(`Subject: ${subject}`, 120), `token ${token}`] });
    if (shouting(subject)) hits.push({ id: 'STRUCT_SUBJECT_ALL_CAPS', evidence: [clipEvidence(`Subject: ${subject}`, 120)] });
    const raw = headerValue(message, 'subject') ?? '';
    const escaped = escapedLetters(raw);
    if (escaped >= MIN_ESCAPED) {
      hits.push({ id: 'STRUCT_SUBJECT_ENCODED_ASCII', evidence: [clipEvidence(raw, 100), `${escaped} letters escaped`] });
    }
    const lookalike = lookalikeLetters(subject, 'subject') ?? lookalikeLetters(message.from?.name ?? '', 'sender name');
    if (lookalike) hits.push({ id: 'STRUCT_LOOKALIKE_LETTERS', evidence: lookalike });
    return hits;
  },
};
