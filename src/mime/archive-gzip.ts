import { type Inflated, inflateRawBounded } from './archive-inflate.ts';

/**
 * gzip holds one file, and tar (often inside gzip) holds many without compression: both are
 * cheap to open, so payloads wrapped in them are typed like any other attachment.
 */

export interface GzipMember {
  /** The original file name stored in the header, or empty. */
  name: string;
  content: Inflated;
}

export function gunzipBounded(bytes: Uint8Array, maxBytes: number): GzipMember | undefined {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) return undefined;
  const flags = bytes[3];
  let at = 10;
  if (flags & 4) at += 2 + (bytes[at] | (bytes[at + 1] << 8));
  let name = '';
  if (flags & 8) {
    const end = bytes.indexOf(0, at);
    if (end < 0) return undefined;
    name = Buffer.from(bytes.subarray(at, end)).toString('latin1');
    at = end + 1;
  }
  if (flags & 16) {
    const end = bytes.indexOf(0, at);
    if (end < 0) return undefined;
    at = end + 1;
  }
  if (flags & 2) at += 2;
  if (at >= bytes.length) return undefined;
  return { name, content: inflateRawBounded(bytes.subarray(at), maxBytes) };
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the member's bytes start in the tar. */
  offset: number;
}

/** Regular files of a ustar/GNU tar (at most `maxEntries`). */
export function listTarEntries(bytes: Uint8Array, maxEntries: number): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let at = 0; at + 512 <= bytes.length && entries.length < maxEntries; ) {
    const header = bytes.subarray(at, at + 512);
    if (header[0] === 0) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 257, 6).startsWith('ustar') ? field(header, 345, 155) : '';
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) break;
    const type = String.fromCharCode(header[156]);
    if (type === '0' || type === '\0') entries.push({ name: prefix ? `${prefix}/${name}` : name, size, offset: at + 512 });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

function field(header: Uint8Array, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return Buffer.from(end < 0 ? raw : raw.subarray(0, end)).toString('utf8');
}
