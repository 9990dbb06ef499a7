import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage } from '../mime/parse.ts';
import { messageFeatures } from './features.ts';

const RAW = [
  'From: Billing <billing@pay.example.net>',
  'Reply-To: collect@example.org',
  'To: ana@example.com',
  'Subject: Invoice 48213 overdue',
  '',
  'Please pay invoice 48213 today: https://pay.example.net/i/48213',
  '',
].join('\r\n');

describe('content model features', () => {
  it('reads words, word pairs, link hosts and signals with their field, and numbers by their shape', async () => {
    const message = await parseMessage(new TextEncoder().encode(RAW));
    const { shared, tenant } = messageFeatures({ message, signalIds: ['URL_SHORTENER', 'SENDER_DATE_PAST', 'MIME_HTML_ONLY'] });
    for (const expected of [
      's:invoice',
      's:00000',
      's2:invoice 00000',
      'b:pay',
      'b2:please pay',
      'h:pay.example.net',
      'tld:net',
      'sig:URL_SHORTENER',
    ])
      assert.ok(shared.includes(expected), expected);
    // Dates and html-only describe a corpus's age, not intent: the model does not read them.
    assert.equal(shared.includes('sig:SENDER_DATE_PAST'), false);
    assert.equal(shared.includes('sig:MIME_HTML_ONLY'), false);
    // Who wrote is for a tenant's own layer only.
    assert.deepEqual(tenant, ['from:billing@pay.example.net', 'fromdomain:pay.example.net', 'replyto:example.org']);
    assert.equal(
      shared.some((f) => f.includes('billing@')),
      false,
    );
  });

  it('gives the same features for the same message', async () => {
    const message = await parseMessage(new TextEncoder().encode(RAW));
    assert.deepEqual(messageFeatures({ message, signalIds: [] }), messageFeatures({ message, signalIds: [] }));
  });
});
