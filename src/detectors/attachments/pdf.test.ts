import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { runDetector } from '../../pipeline/testing.ts';
import { messageWith, minimalPdf } from './fixture-message.ts';
import { pdfDetector } from './pdf.ts';

const pdfMessage = (content: string | Uint8Array) =>
  runDetector(pdfDetector, messageWith({ parts: [{ filename: 'Document.pdf', contentType: 'application/pdf', content }] }));

/** A PDF whose action dictionary sits in a compressed object stream, with its key name hex-escaped. */
function compressedActionPdf(): Uint8Array {
  const objects = '5 0 << /Type /Action /S /J#61vaScript /JS (this.print\\(\\);) >>';
  const stream = deflateSync(Buffer.from(objects));
  const head = Buffer.from(minimalPdf({ catalog: '/OpenAction 5 0 R' }).replace('%%EOF\n', ''));
  const objStm = Buffer.concat([
    Buffer.from(`6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`),
    stream,
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]);
  return new Uint8Array(Buffer.concat([head, objStm]));
}

describe('attachments.pdf', () => {
  it('finds JavaScript hidden in a compressed object stream behind a name escape', async () => {
    const hits = await pdfMessage(compressedActionPdf());
    assert.ok(hits.has('ATT_PDF_JAVASCRIPT'));
    assert.ok(hits.has('ATT_PDF_AUTO_ACTION'));
  });

  it('finds launch actions, embedded files and form submission', async () => {
    const hits = await pdfMessage(
      minimalPdf({
        objects: [
          '<< /Type /Action /S /Launch /F (cmd.exe) >>',
          '<< /Type /EmbeddedFile /Length 0 >>',
          '<< /Type /Action /S /SubmitForm /F << /FS /URL /F (https://collect.example.net/f) >> >>',
        ],
      }),
    );
    assert.deepEqual([...hits.keys()].sort(), ['ATT_PDF_EMBEDDED_FILE', 'ATT_PDF_LAUNCH', 'ATT_PDF_SUBMIT_FORM']);
  });

  it('notes a one-page PDF whose link is the point', async () => {
    const hits = await pdfMessage(
      minimalPdf({ objects: ['<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://secure-docs.example.net/view) >> >>'] }),
    );
    assert.deepEqual(hits.get('ATT_PDF_LINK')?.evidence, ['Document.pdf: https://secure-docs.example.net/view']);
  });

  it('stays quiet on a plain invoice and on the JSON key /JSON', async () => {
    assert.equal((await pdfMessage(minimalPdf())).size, 0);
    assert.equal((await pdfMessage(minimalPdf({ objects: ['<< /JSON (not script) >>'] }))).size, 0);
  });
});
