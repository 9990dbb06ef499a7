/**
 * 7-Zip and RAR archives are recognised but not extracted (no decoder ships with the scanner).
 * What can be read cheaply is read: whether the archive is password-protected, and for RAR the
 * member names, which is enough to see `invoice.pdf.exe` or a protected payload.
 */

export interface SealedMember {
  name: string;
  encrypted: boolean;
  size: number;
}

export interface SealedArchive {
  /** True when a password protects the archive's contents or its list of files. */
  encrypted: boolean;
  /** Members whose names could be read (none when the file list itself is encrypted or compressed). */
  members: SealedMember[];
}

const SEVEN_ZIP = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const RAR4 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
const RAR5 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
/** The 7z AES-256 + SHA-256 coder id, listed in the (unencrypted part of the) header of any protected archive. */
const SEVEN_ZIP_AES = [0x06, 0xf1, 0x07, 0x01];

export function inspectSealedArchive(bytes: Uint8Array, maxMembers: number): SealedArchive | undefined {
  if (startsWith(bytes, SEVEN_ZIP)) return inspect7z(bytes);
  if (startsWith(bytes, RAR5)) return inspectRar5(bytes, maxMembers);
  if (startsWith(bytes, RAR4)) return inspectRar4(bytes, maxMembers);
  return undefined;
}

function inspect7z(bytes: Uint8Array): SealedArchive {
  if (bytes.length < 32) return { encrypted: false, members: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = 32 + Number(view.getBigUint64(12, true));
  const size = Number(view.getBigUint64(20, true));
  const header = bytes.subarray(Math.min(start, bytes.length), Math.min(bytes.length, start + Math.min(size, 1 << 20)));
  return { encrypted: indexOf(header, SEVEN_ZIP_AES) >= 0, members: [] };
}

function inspectRar4(bytes: Uint8Array, maxMembers: number): SealedArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const members: SealedMember[] = [];
  let encrypted = false;
  for (let at = RAR4.length; at + 7 <= bytes.length && members.length < maxMembers; ) {
    const type = bytes[at + 2];
    const flags = view.getUint16(at + 3, true);
    const headSize = view.getUint16(at + 5, true);
    if (headSize < 7) break;
    let dataSize = flags & 0x8000 && at + 11 <= bytes.length ? view.getUint32(at + 7, true) : 0;
    if (type === 0x73 && flags & 0x0080) return { encrypted: true, members };
    if (type === 0x74 && at + 32 <= bytes.length) {
      const high = flags & 0x100;
      if (high && at + 40 <= bytes.length) dataSize += view.getUint32(at + 32, true) * 2 ** 32;
      const nameSize = view.getUint16(at + 26, true);
      const nameStart = at + 32 + (high ? 8 : 0);
      const raw = bytes.subarray(nameStart, Math.min(bytes.length, nameStart + nameSize));
      const nul = raw.indexOf(0);
      const name = new TextDecoder(flags & 0x200 && nul < 0 ? 'utf-8' : 'latin1').decode(nul < 0 ? raw : raw.subarray(0, nul));
      const isEncrypted = (flags & 0x04) !== 0;
      encrypted ||= isEncrypted;
      if ((flags & 0xe0) !== 0xe0) members.push({ name, encrypted: isEncrypted, size: view.getUint32(at + 11, true) });
    }
    at += headSize + dataSize;
  }
  return { encrypted, members };
}

function inspectRar5(bytes: Uint8Array, maxMembers: number): SealedArchive {
  const members: SealedMember[] = [];
  let encrypted = false;
  for (let at = RAR5.length; at + 6 <= bytes.length && members.length < maxMembers; ) {
    const reader = new VintReader(bytes, at + 4);
    const headerSize = reader.next();
    const headerStart = reader.at;
    const type = reader.next();
    const flags = reader.next();
    const extraSize = flags & 1 ? reader.next() : 0;
    const dataSize = flags & 2 ? reader.next() : 0;
    if (headerSize <= 0 || reader.failed) break;
    if (type === 4) return { encrypted: true, members };
    if (type === 2) {
      const fileFlags = reader.next();
      const size = reader.next();
      reader.next();
      if (fileFlags & 2) reader.at += 4;
      if (fileFlags & 4) reader.at += 4;
      reader.next();
      reader.next();
      const nameLength = reader.next();
      const name = new TextDecoder('utf-8').decode(bytes.subarray(reader.at, Math.min(bytes.length, reader.at + nameLength)));
      const isEncrypted = hasEncryptionRecord(bytes, headerStart + headerSize - extraSize, headerStart + headerSize);
      encrypted ||= isEncrypted;
      if (!(fileFlags & 1)) members.push({ name, encrypted: isEncrypted, size });
    }
    at = headerStart + headerSize + dataSize;
  }
  return { encrypted, members };
}

function hasEncryptionRecord(bytes: Uint8Array, from: number, to: number): boolean {
  const reader = new VintReader(bytes, from);
  while (reader.at < to && !reader.failed) {
    const size = reader.next();
    const recordStart = reader.at;
    if (reader.next() === 1) return true;
    if (size <= 0) return false;
    reader.at = recordStart + size;
  }
  return false;
}

/** RAR5 variable-length integers: 7 bits per byte, high bit set while more follow. */
class VintReader {
  failed = false;
  readonly bytes: Uint8Array;
  at: number;
  constructor(bytes: Uint8Array, at: number) {
    this.bytes = bytes;
    this.at = at;
  }
  next(): number {
    let value = 0;
    for (let shift = 0; shift < 63; shift += 7) {
      if (this.at >= this.bytes.length) break;
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
    this.failed = true;
    return 0;
  }
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
