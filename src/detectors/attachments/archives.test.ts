import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { archiveDetector } from './archive.ts';
import { encryptedArchiveDetector } from './encrypted-archive.ts';
import { markZipEncrypted, messageWith, zipOf } from './fixture-message.ts';

const RAR5_EMPTY = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]);

describe('attachments.encrypted-archive', () => {
  it('reports a protected zip weakly when the mail does not mention a password', async () => {
    const raw = messageWith({
      body: 'Please find the contract draft attached.',
      parts: [{ filename: 'Contract.zip', contentType: 'application/zip', content: markZipEncrypted(zipOf({ 'Contract.docx': 'x' })) }],
    });
    const hits = await runDetector(encryptedArchiveDetector, raw);
    assert.deepEqual([...hits.keys()], ['ATT_ENCRYPTED_ARCHIVE']);
    assert.deepEqual(hits.get('ATT_ENCRYPTED_ARCHIVE')?.evidence, ['Contract.zip']);
  });

  it('recognises the password in other languages', async () => {
    const raw = messageWith({
      body: 'Anbei die Rechnung. Das Kennwort lautet 5512.',
      parts: [{ filename: 'Rechnung.zip', contentType: 'application/zip', content: markZipEncrypted(zipOf({ 'Rechnung.pdf': 'x' })) }],
    });
    assert.ok((await runDetector(encryptedArchiveDetector, raw)).has('ATT_ENCRYPTED_ARCHIVE_PASSWORD_IN_BODY'));
  });

  it('stays quiet on an ordinary zip even when the mail talks about passwords', async () => {
    const raw = messageWith({
      body: 'Your password reset guide is attached.',
      parts: [{ filename: 'guide.zip', contentType: 'application/zip', content: zipOf({ 'guide.pdf': 'x' }) }],
    });
    assert.equal((await runDetector(encryptedArchiveDetector, raw)).size, 0);
  });
});

describe('attachments.archive', () => {
  it('notes archives the scanner cannot open, at half weight for RAR', async () => {
    const raw = messageWith({ parts: [{ filename: 'Order.rar', contentType: 'application/x-rar', content: RAR5_EMPTY }] });
    const hit = (await runDetector(archiveDetector, raw)).get('ATT_UNSCANNABLE_ARCHIVE');
    assert.deepEqual([hit?.factor, hit?.evidence], [0.5, ['Order.rar (rar)']]);
  });

  it('stays quiet on zips, which are opened', async () => {
    const raw = messageWith({ parts: [{ filename: 'data.zip', contentType: 'application/zip', content: zipOf({ 'a.csv': '1,2' }) }] });
    assert.equal((await runDetector(archiveDetector, raw)).size, 0);
  });
});
