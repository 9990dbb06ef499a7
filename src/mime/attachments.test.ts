import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync, zipSync } from 'fflate';
import { expandAttachments, type RawPart } from './attachments.ts';
import { DEFAULT_MIME_LIMITS, type MimeLimits } from './limits.ts';

const text = (s: string) => new TextEncoder().encode(s);

function part(filename: string, content: Uint8Array, declaredType = 'application/octet-stream'): RawPart {
  return { filename, declaredType, disposition: 'attachment', contentId: '', content };
}

function peStub(): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a]);
  bytes[0x3c] = 0x80;
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
}

function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
    if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
  }
  return out;
}

/** A one-file ISO 9660 image: primary volume descriptor, terminator, root directory at block 20, file at block 21. */
function isoWith(name: string, content: Uint8Array): Uint8Array {
  const image = new Uint8Array(22 * 2048 + content.length);
  const view = new DataView(image.buffer);
  const pvd = 16 * 2048;
  image[pvd] = 1;
  image.set(text('CD001'), pvd + 1);
  view.setUint16(pvd + 128, 2048, true);
  const record = (at: number, extent: number, size: number, flags: number, id: Uint8Array) => {
    image[at] = 33 + id.length + (id.length % 2 === 0 ? 1 : 0);
    view.setUint32(at + 2, extent, true);
    view.setUint32(at + 10, size, true);
    image[at + 25] = flags;
    image[at + 32] = id.length;
    image.set(id, at + 33);
    return image[at];
  };
  record(pvd + 156, 20, 2048, 2, new Uint8Array([0]));
  image[17 * 2048] = 255;
  image.set(text('CD001'), 17 * 2048 + 1);
  let at = 20 * 2048;
  at += record(at, 20, 2048, 2, new Uint8Array([0]));
  at += record(at, 20, 2048, 2, new Uint8Array([1]));
  record(at, 21, content.length, 0, text(name));
  image.set(content, 21 * 2048);
  return image;
}

async function expand(parts: RawPart[], limits: Partial<MimeLimits> = {}) {
  return expandAttachments(parts, { ...DEFAULT_MIME_LIMITS, ...limits });
}

describe('expandAttachments', () => {
  it('lists zip members after their archive, typed by bytes, with depth and path', async () => {
    const zip = zipSync({ 'docs/invoice.pdf.exe': peStub(), 'notes.txt': text('see attached') });
    const list = await expand([part('invoice.zip', zip, 'application/zip')]);
    assert.deepEqual(
      list.map((a) => [a.path, a.depth, a.detectedType?.ext]),
      [
        ['invoice.zip', 0, 'zip'],
        ['invoice.zip/docs/invoice.pdf.exe', 1, 'exe'],
        ['invoice.zip/notes.txt', 1, undefined],
      ],
    );
    assert.equal(list[1].filename, 'invoice.pdf.exe');
    assert.equal(list[1].size, 256);
    assert.match(list[1].sha256, /^[0-9a-f]{64}$/);
  });

  it('opens zips inside zips down to maxArchiveDepth and no further', async () => {
    const inner = zipSync({ 'payload.exe': peStub() });
    const middle = zipSync({ 'inner.zip': inner });
    const outer = zipSync({ 'middle.zip': middle });
    const list = await expand([part('outer.zip', outer)], { maxArchiveDepth: 2 });
    assert.deepEqual(
      list.map((a) => a.path),
      ['outer.zip', 'outer.zip/middle.zip', 'outer.zip/middle.zip/inner.zip'],
    );
  });

  it('marks encrypted zip members and does not extract them', async () => {
    const zip = markEncrypted(zipSync({ 'scan.exe': peStub() }, { level: 0 }));
    const [, member] = await expand([part('scan.zip', zip)]);
    assert.equal(member.encrypted, true);
    assert.equal(member.content.length, 0);
    assert.equal(member.detectedType, undefined);
  });

  it('keeps a zip bomb within the byte budget and still types an oversized member by its head', async () => {
    const padded = new Uint8Array(8_000_000);
    padded.set(peStub());
    const zip = zipSync({ 'setup.exe': padded });
    assert.ok(zip.length < 50_000);
    const [, member] = await expand([part('setup.zip', zip)], { maxExtractedBytes: 1_000_000 });
    assert.equal(member.truncated, true);
    assert.equal(member.content.length, 0);
    assert.equal(member.sha256, '');
    assert.equal(member.detectedType?.ext, 'exe');
    assert.equal(member.size, 8_000_000);
  });

  it('does not trust a central directory that understates a member size', async () => {
    const zip = zipSync({ 'data.bin': new Uint8Array(20_000_000) });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
    }
    const [, member] = await expand([part('data.zip', zip)], { maxExtractedBytes: 2_000_000 });
    assert.equal(member.truncated, true);
    assert.equal(member.content.length, 0);
  });

  it('stops listing at maxArchiveMembers for the whole message', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`part-${i}.txt`] = text(`line ${i}`);
    const list = await expand([part('many.zip', zipSync(files)), part('more.zip', zipSync(files))], { maxArchiveMembers: 5 });
    assert.equal(list.filter((a) => a.depth === 1).length, 5);
  });

  it('opens a gzip (stored name) and a tar inside a gzip', async () => {
    const gz = gzipSync(peStub(), { filename: 'update.exe' });
    const [, member] = await expand([part('update.gz', gz)]);
    assert.deepEqual([member.path, member.detectedType?.ext], ['update.gz/update.exe', 'exe']);

    const tar = new Uint8Array(2048);
    tar.set(text('report.pdf.exe'));
    tar.set(text('0000644\0'), 100);
    tar.set(text('00000000400\0'), 124);
    tar.set(text('0'), 156);
    tar.set(text('ustar\0'), 257);
    let checksum = 0;
    for (let i = 0; i < 512; i++) checksum += i >= 148 && i < 156 ? 32 : tar[i];
    tar.set(text(`${checksum.toString(8).padStart(6, '0')}\0 `), 148);
    tar.set(peStub(), 512);
    const list = await expand([part('bundle.tgz', gzipSync(tar))]);
    assert.deepEqual(
      list.map((a) => [a.path, a.detectedType?.ext]),
      [
        ['bundle.tgz', 'tar.gz'],
        ['bundle.tgz/bundle.tar', 'tar'],
        ['bundle.tgz/bundle.tar/report.pdf.exe', 'exe'],
      ],
    );
  });

  it('recognises a password-protected 7z by the AES coder in its header', async () => {
    const header = Buffer.from('170606f10701', 'hex');
    const archive = new Uint8Array(64 + header.length);
    archive.set([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]);
    new DataView(archive.buffer).setBigUint64(12, 32n, true);
    new DataView(archive.buffer).setBigUint64(20, BigInt(header.length), true);
    archive.set(header, 64);
    const [attachment] = await expand([part('order.7z', archive)]);
    assert.equal(attachment.detectedType?.ext, '7z');
    assert.equal(attachment.encrypted, true);
  });

  it('lists RAR4 member names and their encryption without extracting', async () => {
    const name = text('invoice.pdf.exe');
    const file = new Uint8Array(32 + name.length);
    const view = new DataView(file.buffer);
    file[2] = 0x74;
    view.setUint16(3, 0x8004, true);
    view.setUint16(5, file.length, true);
    view.setUint32(7, 0, true);
    view.setUint32(11, 2048, true);
    view.setUint16(26, name.length, true);
    file.set(name, 32);
    const main = new Uint8Array([0, 0, 0x73, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0]);
    const rar = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, ...main, ...file]);
    const list = await expand([part('invoice.rar', rar)]);
    assert.equal(list[0].detectedType?.ext, 'rar');
    assert.deepEqual(
      list.slice(1).map((a) => [a.path, a.encrypted, a.size]),
      [['invoice.rar/invoice.pdf.exe', true, 2048]],
    );
  });

  it('lists and types the files on an ISO 9660 image', async () => {
    const list = await expand([part('Shipment.iso', isoWith('DOCUMENT.PDF.EXE;1', peStub()))]);
    assert.deepEqual(
      list.map((a) => [a.path, a.depth, a.detectedType?.ext]),
      [
        ['Shipment.iso', 0, 'iso'],
        ['Shipment.iso/DOCUMENT.PDF.EXE', 1, 'exe'],
      ],
    );
  });

  it('survives truncated and garbled archives without failing the message', async () => {
    const zip = zipSync({ 'a.txt': text('hello'), 'b.exe': peStub() });
    for (const cut of [10, 40, zip.length - 30, zip.length - 5]) {
      const garbled = zip.slice(0, cut);
      garbled.fill(0xff, Math.max(4, cut - 8), cut);
      const list = await expand([part('broken.zip', garbled)]);
      assert.equal(list[0].path, 'broken.zip');
    }
    await expand([part('broken.iso', isoWith('X;1', peStub()).fill(0xff, 0x8000 + 156, 0x8000 + 190))]);
    await expand([part('broken.rar', new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff]))]);
  });

  it('leaves plain documents alone (no members for a PDF)', async () => {
    const list = await expand([part('invoice.pdf', text('%PDF-1.4\n%%EOF\n'), 'application/pdf')]);
    assert.equal(list.length, 1);
    assert.equal(list[0].detectedType?.ext, 'pdf');
  });
});
