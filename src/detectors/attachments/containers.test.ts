import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { diskImageDetector } from './disk-image.ts';
import { messageWith, zipOf } from './fixture-message.ts';
import { oneNoteDetector } from './onenote.ts';
import { shortcutDetector } from './shortcut.ts';

const LNK_HEADER = [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];
const ONENOTE_GUID = Buffer.from('e4525c7b8cd8a74daeb15378d02996d3', 'hex');
const EMBEDDED_FILE_GUID = Buffer.from('e716e3bd65261145a4c48d4d0b7a9eac', 'hex');

function iso(): Uint8Array {
  const bytes = new Uint8Array(0x9000);
  bytes.set(new TextEncoder().encode('CD001'), 0x8001);
  return bytes;
}

const attach = (filename: string, content: Uint8Array | string) =>
  messageWith({ parts: [{ filename, contentType: 'application/octet-stream', content }] });

describe('attachments.disk-image', () => {
  it('finds an ISO by its volume descriptor, also inside a zip', async () => {
    const hits = await runDetector(diskImageDetector, attach('Shipment.zip', zipOf({ 'Shipment_Doc.iso': iso() })));
    assert.deepEqual(hits.get('ATT_DISK_IMAGE')?.evidence, ['Shipment.zip/Shipment_Doc.iso (iso)']);
  });

  it('counts half for a file only named like a disk image', async () => {
    assert.equal((await runDetector(diskImageDetector, attach('quotation.iso', 'payload removed'))).get('ATT_DISK_IMAGE')?.factor, 0.5);
  });
});

describe('attachments.shortcut', () => {
  it('finds a shell link by its header', async () => {
    const lnk = new Uint8Array(128);
    lnk.set(LNK_HEADER);
    assert.ok((await runDetector(shortcutDetector, attach('Invoice.pdf.lnk', lnk))).has('ATT_SHELL_LINK'));
  });

  it('weighs an internet shortcut to a file share fully and one to a web page half', async () => {
    const share = await runDetector(
      shortcutDetector,
      attach('Scan.url', '[InternetShortcut]\r\nURL=file://198.51.100.7@80/share/scan.js\r\n'),
    );
    assert.equal(share.get('ATT_INTERNET_SHORTCUT')?.factor, 1);
    const web = await runDetector(shortcutDetector, attach('Article.url', '[InternetShortcut]\r\nURL=https://www.example.org/article\r\n'));
    assert.equal(web.get('ATT_INTERNET_SHORTCUT')?.factor, 0.5);
  });
});

describe('attachments.onenote', () => {
  it('finds a notebook by its GUID and weighs embedded files fully', async () => {
    const plain = new Uint8Array(2048);
    plain.set(ONENOTE_GUID);
    assert.equal((await runDetector(oneNoteDetector, attach('Notes.one', plain))).get('ATT_ONENOTE')?.factor, 0.5);
    const embedding = plain.slice();
    embedding.set(EMBEDDED_FILE_GUID, 1024);
    const hit = (await runDetector(oneNoteDetector, attach('Invoice.one', embedding))).get('ATT_ONENOTE');
    assert.deepEqual([hit?.factor, hit?.evidence], [1, ['Invoice.one (embedded file)']]);
  });

  it('stays quiet on a file only named .one', async () => {
    assert.equal((await runDetector(oneNoteDetector, attach('meeting.one', 'just text'))).size, 0);
  });
});
