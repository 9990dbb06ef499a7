import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import cfb from 'cfb';
import { runDetector } from '../../pipeline/testing.ts';
import { messageWith, zipOf } from './fixture-message.ts';
import { officeMacroDetector } from './office-macro.ts';

/** An OLE container with the storages Word writes for a document with macros. */
function oleDocument(withMacros: boolean): Uint8Array {
  const container = cfb.utils.cfb_new();
  cfb.utils.cfb_add(container, '/WordDocument', Buffer.from('document stream'));
  if (withMacros) {
    cfb.utils.cfb_add(container, '/Macros/VBA/dir', Buffer.from('placeholder'));
    cfb.utils.cfb_add(container, '/Macros/PROJECT', Buffer.from('placeholder'));
  }
  return new Uint8Array(cfb.write(container, { type: 'buffer' }) as Buffer);
}

const DOCX = {
  '[Content_Types].xml':
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document/>',
};

describe('attachments.office-macro', () => {
  it('finds a VBA project in a 97-2003 document', async () => {
    const raw = messageWith({ parts: [{ filename: 'Invoice_2291.doc', contentType: 'application/msword', content: oleDocument(true) }] });
    assert.match((await runDetector(officeMacroDetector, raw)).get('ATT_OFFICE_MACRO')?.evidence[0] ?? '', /Invoice_2291\.doc: .*Macros/);
  });

  it('finds an Excel 4.0 macro sheet in a workbook', async () => {
    const raw = messageWith({
      parts: [
        {
          filename: 'Remittance.xlsx',
          contentType: 'application/octet-stream',
          content: zipOf({ ...DOCX, 'xl/macrosheets/sheet1.xml': '<xm:macrosheet/>' }),
        },
      ],
    });
    assert.ok((await runDetector(officeMacroDetector, raw)).has('ATT_OFFICE_MACRO'));
  });

  it('gives only the weak hint for a macro-enabled name without macro code', async () => {
    const raw = messageWith({ parts: [{ filename: 'Budget.xlsm', contentType: 'application/octet-stream', content: zipOf(DOCX) }] });
    const hits = await runDetector(officeMacroDetector, raw);
    assert.deepEqual([...hits.keys()], ['ATT_MACRO_ENABLED_FORMAT']);
  });

  it('stays quiet on ordinary documents', async () => {
    const raw = messageWith({
      parts: [
        { filename: 'Minutes.doc', contentType: 'application/msword', content: oleDocument(false) },
        { filename: 'Minutes.docx', contentType: 'application/octet-stream', content: zipOf(DOCX) },
      ],
    });
    assert.equal((await runDetector(officeMacroDetector, raw)).size, 0);
  });
});
