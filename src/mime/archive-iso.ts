/**
 * Files on an ISO 9660 disk image, read from its directory records (the Joliet tree when there
 * is one, for the real long names). Images store files uncompressed, so members are plain
 * slices: `Shipment.iso/Document.lnk` is typed like any other attachment.
 */

export interface IsoEntry {
  name: string;
  offset: number;
  size: number;
}

const SECTOR = 2048;
const FIRST_DESCRIPTOR = 16 * SECTOR;
/** Directory levels followed below the root; payloads sit at the top or one folder down. */
const MAX_DIRECTORY_DEPTH = 3;

export function listIsoEntries(bytes: Uint8Array, maxEntries: number): IsoEntry[] {
  const descriptor = volumeDescriptor(bytes);
  if (!descriptor) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blockSize = view.getUint16(descriptor.offset + 128, true) || SECTOR;
  const root = descriptor.offset + 156;
  const entries: IsoEntry[] = [];
  const visited = new Set<number>();
  const walk = (extent: number, size: number, prefix: string, depth: number) => {
    const start = extent * blockSize;
    if (visited.has(start) || start >= bytes.length) return;
    visited.add(start);
    const end = Math.min(bytes.length, start + size);
    for (let at = start; at < end && entries.length < maxEntries; ) {
      const length = bytes[at];
      if (length === 0) {
        at = (Math.floor((at - start) / blockSize) + 1) * blockSize + start;
        continue;
      }
      if (at + 33 > end) break;
      const childExtent = view.getUint32(at + 2, true);
      const childSize = view.getUint32(at + 10, true);
      const isDirectory = (bytes[at + 25] & 2) !== 0;
      const nameLength = bytes[at + 32];
      const raw = bytes.subarray(at + 33, at + 33 + nameLength);
      at += length;
      if (nameLength === 1 && raw[0] <= 1) continue;
      const name = decodeName(raw, descriptor.joliet);
      if (isDirectory) {
        if (depth < MAX_DIRECTORY_DEPTH) walk(childExtent, childSize, `${prefix}${name}/`, depth + 1);
      } else {
        entries.push({ name: `${prefix}${name}`, offset: childExtent * blockSize, size: childSize });
      }
    }
  };
  walk(view.getUint32(root + 2, true), view.getUint32(root + 10, true), '', 0);
  return entries;
}

/** The Joliet supplementary descriptor if present, else the primary one. */
function volumeDescriptor(bytes: Uint8Array): { offset: number; joliet: boolean } | undefined {
  let primary: number | undefined;
  for (let offset = FIRST_DESCRIPTOR; offset + SECTOR <= bytes.length && offset < FIRST_DESCRIPTOR + 32 * SECTOR; offset += SECTOR) {
    const type = bytes[offset];
    if (String.fromCharCode(...bytes.subarray(offset + 1, offset + 6)) !== 'CD001' || type === 255) break;
    const escapeSequence = String.fromCharCode(...bytes.subarray(offset + 88, offset + 91));
    if (type === 2 && /^%\/[@CE]$/.test(escapeSequence)) return { offset, joliet: true };
    if (type === 1) primary ??= offset;
  }
  return primary === undefined ? undefined : { offset: primary, joliet: false };
}

/** Joliet names are UCS-2 big-endian; both kinds may end in a `;1` version suffix. */
function decodeName(raw: Uint8Array, joliet: boolean): string {
  const name = joliet ? Buffer.from(raw).swap16().toString('utf16le') : Buffer.from(raw).toString('latin1');
  return name.replace(/;\d+$/, '').replace(/\.$/, '');
}
