import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage } from '../mime/parse.ts';
import { csvMessages } from './csv-corpus.ts';

describe('CSV text corpora', () => {
  it('wraps positive rows in minimal messages and leaves the others out', async () => {
    const csv =
      'subject,body,Human\n"Quick request","Can you send the wire today?\nThanks, Bob",positive\n"Lunch","See you at noon",neutral\n';
    const messages = csvMessages(csv);
    assert.equal(messages.length, 1);
    const parsed = await parseMessage(messages[0]);
    assert.equal(parsed.subject, 'Quick request');
    assert.match(parsed.text, /Can you send the wire today\?\s+Thanks, Bob/);
  });

  it('skips CSV files without subject and body columns', () => {
    assert.deepEqual(csvMessages('a,b\n1,2\n'), []);
  });
});
