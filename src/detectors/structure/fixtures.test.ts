import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contextFor } from '../../pipeline/testing.ts';
import { structureDetectors } from './index.ts';

const FIXTURES = new URL('../../../test/fixtures/structure/', import.meta.url);

async function signalsOf(name: string): Promise<Map<string, string[]>> {
  const ctx = await contextFor(readFileSync(new URL(`${name}.eml`, FIXTURES)));
  const found = new Map<string, string[]>();
  for (const detector of structureDetectors) {
    const hits = await detector.run(ctx, new AbortController().signal);
    for (const hit of hits) {
      assert.ok(
        detector.signals.some((s) => s.id === hit.id),
        `${detector.id} emitted undeclared ${hit.id}`,
      );
      found.set(hit.id, hit.evidence);
    }
  }
  return found;
}

describe('structure detectors on fixtures', () => {
  it('flag a kit message that is one linked banner, base64-wrapped, from a made-up HELO', async () => {
    const hits = await signalsOf('kit-linked-banner');
    assert.deepEqual([...hits.keys()].sort(), [
      'STRUCT_BASE64_ASCII_BODY',
      'STRUCT_FROM_NAME_RANDOM_TOKEN',
      'STRUCT_IMAGE_ONLY_BODY',
      'STRUCT_LINKED_IMAGE_BODY',
      'STRUCT_MAILER_NUMERIC',
      'STRUCT_RELAY_BAD_HELO',
      'STRUCT_SUBJECT_RANDOM_TOKEN',
    ]);
    assert.ok(hits.get('STRUCT_SUBJECT_RANDOM_TOKEN')?.includes('token Ve6kbag'));
    assert.ok(hits.get('STRUCT_FROM_NAME_RANDOM_TOKEN')?.includes('token k3Jd9Qa'));
    assert.match(hits.get('STRUCT_RELAY_BAD_HELO')?.[0] ?? '', /uazey1 .*203\.0\.113\.77/);
    assert.match(hits.get('STRUCT_BASE64_ASCII_BODY')?.[0] ?? '', /^text\/html, \d+ bytes/);
  });

  it('flag a body of links from a PHP script with an escaped subject and a headline for a name', async () => {
    const hits = await signalsOf('kit-link-list');
    assert.deepEqual([...hits.keys()].sort(), [
      'STRUCT_FROM_NAME_SENTENCE',
      'STRUCT_LINK_TEXT_DOMINANT',
      'STRUCT_MAILER_PHP_SCRIPT',
      'STRUCT_RELAY_BAD_HELO',
      'STRUCT_SUBJECT_ENCODED_ASCII',
    ]);
    assert.ok(hits.get('STRUCT_SUBJECT_ENCODED_ASCII')?.includes('5 letters escaped'));
    assert.ok(hits.get('STRUCT_MAILER_PHP_SCRIPT')?.includes('PHP script 1000:send.php'));
    assert.ok(hits.get('STRUCT_RELAY_BAD_HELO')?.includes('HELO is a bare IP address'));
  });

  it('flag look-alike letters in the subject and a known kit mailer', async () => {
    const hits = await signalsOf('lookalike-subject');
    assert.deepEqual([...hits.keys()].sort(), ['STRUCT_LOOKALIKE_LETTERS', 'STRUCT_MAILER_KIT']);
    assert.ok(hits.get('STRUCT_LOOKALIKE_LETTERS')?.includes('subject reads as "Important Message"'));
  });

  it('stay quiet on a colleague’s reply', async () => {
    assert.deepEqual([...(await signalsOf('legit-colleague-reply')).keys()], []);
  });

  it('stay quiet on a modern ESP newsletter with images and a text part', async () => {
    assert.deepEqual([...(await signalsOf('legit-esp-newsletter')).keys()], []);
  });
});
