import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { fileNameDetector } from './file-name.ts';
import { markZipEncrypted, messageWith, zipOf } from './fixture-message.ts';

describe('doubleExtension via attachments.file-name', () => {
  const named = (filename: string) =>
    runDetector(fileNameDetector, messageWith({ parts: [{ filename, contentType: 'application/octet-stream', content: 'x' }] }));

  it('fires on a document extension followed by a program extension, padded or not', async () => {
    for (const name of ['invoice.pdf.exe', 'scan.PDF.js', 'order.docx                    .scr', 'photo.jpg_.lnk', 'Quote.xlsx.iso']) {
      const hit = (await named(name)).get('ATT_DOUBLE_EXTENSION');
      assert.ok(hit, name);
      assert.equal(hit.factor, 1);
    }
  });

  it('fires weaker when the real extension is a web page', async () => {
    assert.equal((await named('Statement.pdf.html')).get('ATT_DOUBLE_EXTENSION')?.factor, 0.6);
  });

  it('stays quiet on ordinary dotted names and archives of documents', async () => {
    for (const name of ['report.v2.pdf', 'backup.xls.zip', 'minutes.2026.10.docx', 'setup.exe', 'page.htm.html']) {
      assert.equal((await named(name)).has('ATT_DOUBLE_EXTENSION'), false, name);
    }
  });

  it('reports direction controls with their code point', async () => {
    const hit = (await named('Rechnung_\u202Efdp.scr')).get('ATT_NAME_DIRECTION_OVERRIDE');
    assert.deepEqual(hit?.evidence, ['Rechnung_<U+202E>fdp.scr']);
  });

  it('names a dangerous member the scanner could not read, not a readable one', async () => {
    const locked = messageWith({
      parts: [
        { filename: 'docs.zip', contentType: 'application/zip', content: markZipEncrypted(zipOf({ 'Form.vbs': 'x', 'notes.txt': 'y' })) },
      ],
    });
    assert.deepEqual((await runDetector(fileNameDetector, locked)).get('ATT_DANGEROUS_NAME_UNCHECKED')?.evidence, ['docs.zip/Form.vbs']);
    const open = messageWith({ parts: [{ filename: 'docs.zip', contentType: 'application/zip', content: zipOf({ 'Form.vbs': 'x' }) }] });
    assert.equal((await runDetector(fileNameDetector, open)).has('ATT_DANGEROUS_NAME_UNCHECKED'), false);
  });
});
