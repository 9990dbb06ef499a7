import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { dangerousSchemeDetector } from './dangerous-scheme.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.dangerous-scheme', () => {
  it('flags data: pages, script links, remote file shares and protocol handlers', async () => {
    const hits = await runDetector(dangerousSchemeDetector, readFixture('data-url-and-file-share'));
    assert.deepEqual([...hits.keys()].sort(), ['URL_DATA_HTML', 'URL_FILE_SHARE', 'URL_JAVASCRIPT', 'URL_PROTOCOL_HANDLER']);
    assert.deepEqual(hits.get('URL_FILE_SHARE')?.evidence, ['file://198.51.100.23/share/message.url']);
    assert.equal(hits.get('URL_JAVASCRIPT')?.evidence.length, 1);
  });

  it('recognises UNC paths and smb: links, and tells local files apart', async () => {
    const hits = await runDetector(
      dangerousSchemeDetector,
      htmlMessage(
        '<a href="\\\\198.51.100.23\\share\\doc.lnk">a</a> <a href="smb://files.example.net/x">b</a> <a href="file:///C:/Users/robin/report.docx">c</a>',
      ),
    );
    assert.equal(hits.get('URL_FILE_SHARE')?.evidence.length, 2);
    assert.deepEqual(hits.get('URL_LOCAL_FILE')?.evidence, ['file:///C:/Users/robin/report.docx']);
  });

  it('ignores inline data images and javascript placeholders', async () => {
    const hits = await runDetector(
      dangerousSchemeDetector,
      htmlMessage('<img src="data:image/png;base64,iVBORw0KGgo="> <a href="javascript:void(0)">x</a> <a href="javascript:;">y</a>'),
    );
    assert.equal(hits.size, 0);
  });
});
