import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileLexicon, indexText, lexiconFactor, lexiconHit, phrasesIn, phrasesInMessage } from './lexicon.ts';
import { normaliseForMatching } from './normalise.ts';

const lexicon = compileLexicon('test', [
  { pattern: 'verify your (?:account|password)', strength: 0.6, lang: 'en' },
  { pattern: 'within 24 hours', strength: 0.25, lang: 'en' },
  { pattern: 'mailbox is full', strength: 0.8, lang: 'en' },
]);

function found(text: string): string[] {
  return [...phrasesIn(lexicon, indexText(normaliseForMatching(text)), 'body').values()].map((m) => m.text);
}

test('finds phrases on word boundaries only', () => {
  assert.deepEqual(found('Please verify your account.'), ['verify your account']);
  assert.deepEqual(found('Please reverify your accounts'), []);
  assert.deepEqual(found('We answer within 24 hours, or within 240 hours'), ['within 24 hours']);
});

test('counts each phrase once however often it appears', () => {
  assert.deepEqual(found('verify your account! I said: verify your password'), ['verify your account']);
});

test('reads subject, body and link texts, and says where each phrase was', () => {
  const text = { subject: indexText('mailbox is full'), body: indexText('verify your account'), linkTexts: indexText('within 24 hours') };
  const places = phrasesInMessage(lexicon, text).map((m) => `${m.text}@${m.where}`);
  assert.deepEqual(places, ['mailbox is full@subject', 'verify your account@body', 'within 24 hours@link']);
});

test('factor adds the strengths of distinct phrases and caps at 1', () => {
  const body = indexText('verify your account within 24 hours, your mailbox is full');
  const matches = [...phrasesIn(lexicon, body, 'body').values()];
  assert.equal(lexiconFactor(matches.slice(0, 1)), 0.6);
  assert.equal(lexiconFactor(matches.slice(0, 2)), 0.85);
  assert.equal(lexiconFactor(matches), 1);
});

test('a lone weak phrase stays under the reporting floor; evidence lists the strongest first', () => {
  const weak = [...phrasesIn(lexicon, indexText('within 24 hours'), 'body').values()];
  assert.equal(lexiconHit('LANG_TEST', weak), undefined);
  const strong = [...phrasesIn(lexicon, indexText('within 24 hours your mailbox is full'), 'body').values()];
  assert.deepEqual(lexiconHit('LANG_TEST', strong)?.evidence, ['"mailbox is full" (body)', '"within 24 hours" (body)']);
});

test('rejects phrases that would misbehave when combined', () => {
  assert.throws(() => compileLexicon('bad', [{ pattern: 'verify (your|the) account', strength: 0.5, lang: 'en' }]), /capturing group/);
  assert.throws(() => compileLexicon('bad', [{ pattern: 'gift cards', strength: 1.5, lang: 'en' }]), /strength/);
  assert.throws(() => compileLexicon('bad', [{ pattern: 'are you free (?:today)?', strength: 0.5, lang: 'en' }]), /space/);
});
