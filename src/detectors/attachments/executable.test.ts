import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'fflate';
import { runDetector } from '../../pipeline/testing.ts';
import { executableDetector } from './executable.ts';
import { messageWith, peStub, zipOf } from './fixture-message.ts';

describe('attachments.executable', () => {
  it('finds a program by its bytes whatever its name', async () => {
    const hits = await runDetector(
      executableDetector,
      messageWith({ parts: [{ filename: 'holiday-photo.jpg', contentType: 'image/jpeg', content: peStub() }] }),
    );
    assert.deepEqual(hits.get('ATT_EXECUTABLE')?.evidence, ['holiday-photo.jpg (exe)']);
  });

  it('finds scripts inside gzip and zip archives', async () => {
    const jscript = 'var shell = new ActiveXObject("WScript.Shell");\nfunction go() { shell.Run("cmd"); }\n';
    const raw = messageWith({
      parts: [
        {
          filename: 'order.gz',
          contentType: 'application/gzip',
          content: gzipSync(new TextEncoder().encode(jscript), { filename: 'order.js' }),
        },
        {
          filename: 'tools.zip',
          contentType: 'application/zip',
          content: zipOf({ 'run.bat': '@echo off\r\nset d=%~dp0\r\nstart /b x.exe\r\n' }),
        },
      ],
    });
    const hit = (await runDetector(executableDetector, raw)).get('ATT_SCRIPT');
    assert.deepEqual(hit?.evidence, ['order.gz/order.js (js)', 'tools.zip/run.bat (bat)']);
  });

  it('finds a program in an attached message', async () => {
    const inner = messageWith({ parts: [{ filename: 'tool.exe', contentType: 'application/octet-stream', content: peStub() }] });
    const raw = messageWith({ parts: [{ filename: 'forwarded.eml', contentType: 'message/rfc822', content: inner }] });
    assert.ok((await runDetector(executableDetector, raw)).has('ATT_EXECUTABLE'));
  });

  it('stays quiet on a text file that only talks about scripts', async () => {
    const note = 'To restart the service, an administrator can use Start-Process in PowerShell.\nThanks, IT';
    const raw = messageWith({ parts: [{ filename: 'howto.txt', contentType: 'text/plain', content: note }] });
    assert.equal((await runDetector(executableDetector, raw)).size, 0);
  });
});
