import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeWords, parseAddresses, readHeaderFacts } from './header-facts.ts';
import { splitMbox } from './read-messages.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('readHeaderFacts', () => {
  it('reads list facts from the header block', () => {
    const facts = readHeaderFacts(
      bytes(
        'From: "Doe, Jane" <Jane.Doe@Example.COM>\r\nTo: a@x.test,\r\n  "B" <b@x.test>\r\nCc: c@x.test\r\nSubject: =?utf-8?B?SGVsbG8g4pyT?=\r\n' +
          'Message-ID: <abc@x.test>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\nTo: not-a-header@body.test\r\n',
      ),
    );
    assert.equal(facts.from, 'jane.doe@example.com');
    assert.equal(facts.fromName, 'Doe, Jane');
    assert.deepEqual(facts.to, ['a@x.test', 'b@x.test', 'c@x.test']);
    assert.equal(facts.subject, 'Hello ✓');
    assert.equal(facts.messageIdHeader, '<abc@x.test>');
    assert.equal(facts.sentAt?.toISOString(), '2026-11-23T10:00:00.000Z');
  });

  it('never throws on garbage and leaves unknown facts empty', () => {
    const facts = readHeaderFacts(new Uint8Array([0, 1, 2, 255, 10, 10, 65]));
    assert.deepEqual(facts, { from: '', fromName: '', to: [], subject: '', messageIdHeader: null, sentAt: null });
    assert.equal(readHeaderFacts(bytes('Date: yesterday-ish\n\n')).sentAt, null);
  });

  it('decodes encoded words and keeps unknown charsets as they were', () => {
    assert.equal(decodeWords('=?ISO-8859-1?Q?Caf=E9_au_lait?='), 'Café au lait');
    assert.equal(decodeWords('=?x-unknown?B?AAAA?='), '=?x-unknown?B?AAAA?=');
  });

  it('parses address lists with quotes and groups', () => {
    assert.deepEqual(parseAddresses('Team: "x, y" <x@y.test>, z@y.test;'), [
      { address: 'x@y.test', name: 'x, y' },
      { address: 'z@y.test', name: '' },
    ]);
  });
});

describe('splitMbox', () => {
  it('keeps a single message whole, with or without a From line', () => {
    assert.equal(splitMbox(bytes('Subject: a\n\nbody\n')).length, 1);
    assert.equal(splitMbox(bytes('From x@y Mon Nov 23 2026\nSubject: a\n\nbody\n')).length, 1);
  });

  it('splits an mbox and unescapes >From lines', () => {
    const parts = splitMbox(bytes('From a@x Mon\nSubject: one\n\n>From here\n\nFrom b@x Tue\nSubject: two\n\nbody\n')).map((p) =>
      Buffer.from(p).toString(),
    );
    assert.equal(parts.length, 2);
    assert.match(parts[0], /^Subject: one\n\nFrom here\n/);
    assert.match(parts[1], /^Subject: two\n/);
  });
});
