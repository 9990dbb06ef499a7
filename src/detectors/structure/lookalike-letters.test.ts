import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookalikeLetters } from './lookalike-letters.ts';

describe('lookalikeLetters', () => {
  it('reads decorative letters back as the words they imitate', () => {
    assert.deepEqual(lookalikeLetters('𝐈𝐦𝐩𝐨𝐫𝐭𝐚𝐧𝐭 notice', 'subject'), ['subject reads as "Important notice"', '9 look-alike letters']);
    assert.equal(lookalikeLetters('Ａｍａｚｏｎ', 'sender name')?.[0], 'sender name reads as "Amazon"');
  });

  it('accepts fullwidth letters in Japanese text and a single stray symbol', () => {
    assert.equal(lookalikeLetters('ＰＣのご案内', 'subject'), undefined);
    assert.equal(lookalikeLetters('Agenda Ⓐ for Monday', 'subject'), undefined);
    assert.equal(lookalikeLetters('Ordinary subject', 'subject'), undefined);
  });
});
