import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { messageWith, peStub } from './fixture-message.ts';
import { typeMismatchDetector } from './type-mismatch.ts';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);

describe('attachments.type-mismatch', () => {
  it('flags a program that is named like a picture', async () => {
    const raw = messageWith({ parts: [{ filename: 'IMG_2291.jpg', contentType: 'application/octet-stream', content: peStub() }] });
    assert.deepEqual((await runDetector(typeMismatchDetector, raw)).get('ATT_DISGUISED_EXECUTABLE')?.evidence, [
      'IMG_2291.jpg: named .jpg, is exe',
    ]);
  });

  it('trusts the declared type only when the name has no extension', async () => {
    const raw = messageWith({ parts: [{ filename: 'scan', contentType: 'image/png', content: peStub() }] });
    assert.deepEqual((await runDetector(typeMismatchDetector, raw)).get('ATT_DISGUISED_EXECUTABLE')?.evidence, [
      'scan: declared image/png, is exe',
    ]);
  });

  it('flags a web page that claims to be a PDF', async () => {
    const raw = messageWith({
      parts: [
        { filename: 'Statement.pdf', contentType: 'application/pdf', content: '<!DOCTYPE html><html><body><form></form></body></html>' },
      ],
    });
    assert.ok((await runDetector(typeMismatchDetector, raw)).has('ATT_DISGUISED_HTML'));
  });

  it('ignores harmless mismatches and honest names', async () => {
    const raw = messageWith({
      parts: [
        { filename: 'logo.jpg', contentType: 'image/jpeg', content: PNG },
        { filename: 'page.html', contentType: 'text/html', content: '<html><body>Receipt</body></html>' },
        { filename: 'setup.exe', contentType: 'application/octet-stream', content: peStub() },
        { filename: 'cleanup.bat', contentType: 'text/plain', content: '@echo off\r\nset d=%~dp0\r\ndel /q %d%tmp\r\n' },
      ],
    });
    assert.equal((await runDetector(typeMismatchDetector, raw)).size, 0);
  });
});
