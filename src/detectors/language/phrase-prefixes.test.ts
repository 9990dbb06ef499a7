import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phrasePrefixes, UnindexablePatternError } from './phrase-prefixes.ts';

test('lists the starts of every alternative, optional parts included', () => {
  assert.deepEqual([...phrasePrefixes('(?:verify|confirm) your account', 3)].sort(), ['con', 'ver']);
  assert.deepEqual([...phrasePrefixes('(?:your )?mailbox is full', 3)].sort(), ['mai', 'you']);
  assert.deepEqual([...phrasePrefixes('re-?activate', 3)].sort(), ['re-', 'rea']);
});

test('expands classes, escapes and counted repeats', () => {
  assert.deepEqual([...phrasePrefixes('[li]og ?in', 2)].sort(), ['io', 'lo']);
  assert.equal(phrasePrefixes('\\d{1,3} hours', 2).size, 10 * 10 + 10);
  assert.deepEqual([...phrasePrefixes('\\$ ?\\d', 2)].sort(), ['$ ', ...Array.from({ length: 10 }, (_, d) => `$${d}`)].sort());
});

test('refuses patterns whose first characters are unknown', () => {
  assert.throws(() => phrasePrefixes('.ank details', 2), UnindexablePatternError);
  assert.throws(() => phrasePrefixes('a', 2), UnindexablePatternError);
  assert.throws(() => phrasePrefixes('(bad) group', 2), UnindexablePatternError);
});
