import { type Inflated, inflateRawBounded } from './archive-inflate.ts';

/**
 * Reads a zip's central directory and extracts members within a byte budget. Written against
 * the format rather than through an unzip-everything call because the scanner needs the
 * general-purpose flags (bit 0 = encrypted) and must never trust declared sizes.
 */

export interface ZipEntry {
  name: string;
  /** General-purpose bit flag; bit 0 set means the member is encrypted. */
  flags: number;
  /** 0 = stored, 8 = deflate, 99 = AES; others cannot be extracted here. */
  method: number;
  compressedSize: number;
  /** As declared by the archive: may be a lie. */
  size: number;
  localOffset: number;
  encrypted: boolean;
  isDirectory: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Entries from the central directory (at most `maxEntries`), or undefined when there is none. */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(bytes, view);
  if (eocd < 0) return undefined;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((offset === 0xffffffff || count === 0xffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(eocd - 12, true));
    if (record + 56 <= bytes.length) {
      count = Number(view.getBigUint64(record + 32, true));
      offset = Number(view.getBigUint64(record + 48, true));
    }
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && entries.length < maxEntries; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) break;
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localOffset = view.getUint32(offset + 42, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const extra = bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
    // Zip64 sizes replace the 0xffffffff placeholders, in this order.
    const zip64 = zip64Fields(extra);
    if (zip64) {
      let at = 0;
      if (size === 0xffffffff && at < zip64.length) size = zip64[at++];
      if (compressedSize === 0xffffffff && at < zip64.length) compressedSize = zip64[at++];
      if (localOffset === 0xffffffff && at < zip64.length) localOffset = zip64[at++];
    }
    // Bit 11 says UTF-8; older archivers write the OEM code page, which latin1 approximates.
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    entries.push({
      name,
      flags,
      method,
      compressedSize,
      size,
      localOffset,
      encrypted: (flags & 1) === 1 || method === 99,
      isDirectory: name.endsWith('/'),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The member's bytes, up to `maxBytes`; undefined when it cannot be extracted (encrypted, unknown method, broken). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Inflated | undefined {
  if (entry.encrypted) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return { data: data.subarray(0, maxBytes), complete: data.length <= maxBytes };
  if (entry.method === 8) return inflateRawBounded(data, maxBytes, entry.size);
  return undefined;
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] === 0x50 && view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

function zip64Fields(extra: Uint8Array): number[] | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let i = at + 4; i + 8 <= Math.min(extra.length, at + 4 + length); i += 8) values.push(Number(view.getBigUint64(i, true)));
      return values;
    }
    at += 4 + length;
  }
  return undefined;
}
