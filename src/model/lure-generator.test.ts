import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage } from '../mime/parse.ts';
import { generateEveryday } from './everyday-generator.ts';
import { generateLures } from './lure-generator.ts';

describe('training message generators', () => {
  it('write the same messages for the same seed, and others for another', () => {
    const a = generateLures(20, 5).map((l) => Buffer.from(l.raw).toString());
    assert.deepEqual(
      generateLures(20, 5).map((l) => Buffer.from(l.raw).toString()),
      a,
    );
    assert.notDeepEqual(
      generateLures(20, 6).map((l) => Buffer.from(l.raw).toString()),
      a,
    );
  });

  it('write parseable messages across many kinds of lure and several languages', async () => {
    const lures = generateLures(400, 11);
    assert.ok(new Set(lures.map((l) => l.kind)).size >= 12);
    assert.ok(new Set(lures.map((l) => l.language)).size >= 5);
    for (const lure of lures.slice(0, 60)) {
      const message = await parseMessage(lure.raw);
      assert.ok(message.subject.length > 0);
      assert.ok(message.from?.address);
      assert.ok((message.text || message.htmlText).length > 20);
    }
    for (const note of generateEveryday(40, 3)) assert.ok((await parseMessage(note.raw)).from?.address);
  });
});
