import { fileTypeFromBuffer } from 'file-type';
import { textKind } from './file-kind-text.ts';
import { zipKind } from './file-kind-zip.ts';
import type { DetectedType } from './types.ts';

/**
 * What a file is, from its bytes alone. `file-type` knows most binary formats; the formats that
 * carry mail-borne malware but that it misses or lumps together (OneNote, VHD/VHDX, raw disk
 * images, MSI versus Word inside OLE containers, Windows scripts, HTML/SVG, internet shortcuts)
 * are recognised here. A file's name is never consulted: attackers choose names.
 */

/** Coarse families that detectors reason about. */
export type FileCategory =
  | 'executable'
  | 'script'
  | 'shortcut'
  | 'disk-image'
  | 'archive'
  | 'office'
  | 'onenote'
  | 'pdf'
  | 'html'
  | 'svg'
  | 'calendar'
  | 'image'
  | 'other';

const CATEGORY_BY_EXT: Record<string, FileCategory> = {
  exe: 'executable',
  elf: 'executable',
  macho: 'executable',
  msi: 'executable',
  jar: 'executable',
  apk: 'executable',
  class: 'executable',
  crx: 'executable',
  js: 'script',
  vbs: 'script',
  ps1: 'script',
  bat: 'script',
  hta: 'script',
  wsf: 'script',
  reg: 'script',
  chm: 'script',
  lnk: 'shortcut',
  url: 'shortcut',
  iso: 'disk-image',
  img: 'disk-image',
  vhd: 'disk-image',
  vhdx: 'disk-image',
  dmg: 'disk-image',
  zip: 'archive',
  rar: 'archive',
  '7z': 'archive',
  gz: 'archive',
  'tar.gz': 'archive',
  tar: 'archive',
  bz2: 'archive',
  xz: 'archive',
  cab: 'archive',
  ace: 'archive',
  arj: 'archive',
  lzh: 'archive',
  zst: 'archive',
  doc: 'office',
  xls: 'office',
  ppt: 'office',
  msg: 'office',
  cfb: 'office',
  rtf: 'office',
  docx: 'office',
  xlsx: 'office',
  pptx: 'office',
  docm: 'office',
  xlsm: 'office',
  pptm: 'office',
  dotm: 'office',
  xltm: 'office',
  potm: 'office',
  ppsm: 'office',
  dotx: 'office',
  xltx: 'office',
  xlsb: 'office',
  xlam: 'office',
  vsdx: 'office',
  epub: 'other',
  potx: 'office',
  ppsx: 'office',
  odt: 'office',
  ods: 'office',
  odp: 'office',
  one: 'onenote',
  pdf: 'pdf',
  html: 'html',
  svg: 'svg',
  ics: 'calendar',
  jpg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  tif: 'image',
  heic: 'image',
  avif: 'image',
  ico: 'image',
};

export function categoryOf(type: DetectedType | undefined): FileCategory {
  return type && Object.hasOwn(CATEGORY_BY_EXT, type.ext) ? CATEGORY_BY_EXT[type.ext] : 'other';
}

/** Type the bytes, or undefined when nothing recognisable (e.g. plain prose). */
export async function detectFileType(bytes: Uint8Array): Promise<DetectedType | undefined> {
  if (bytes.length === 0) return undefined;
  const own = ownSignature(bytes);
  if (own) return own;
  let found: DetectedType | undefined;
  try {
    const result = await fileTypeFromBuffer(bytes);
    found = result ? { ext: result.ext, mime: result.mime } : undefined;
  } catch {
    found = undefined;
  }
  if (found?.ext === 'cfb') return safely(() => oleKind(bytes)) ?? found;
  if (found && found.ext !== 'xml') return found;
  return safely(() => textKind(bytes)) ?? found;
}

function safely(check: () => DetectedType | undefined): DetectedType | undefined {
  try {
    return check();
  } catch {
    return undefined;
  }
}

/** Our own checks never throw: a malformed file must not fail the parse of its message. */
function ownSignature(bytes: Uint8Array): DetectedType | undefined {
  try {
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    return binarySignature(bytes) ?? (isZip ? zipKind(bytes) : undefined);
  } catch {
    return undefined;
  }
}

const ONENOTE_GUID = [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3];
const LNK_HEADER = [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];

function binarySignature(b: Uint8Array): DetectedType | undefined {
  if (startsWith(b, ONENOTE_GUID)) return { ext: 'one', mime: 'application/onenote' };
  if (startsWith(b, LNK_HEADER)) return { ext: 'lnk', mime: 'application/x-ms-shortcut' };
  if (ascii(b, 0, 8) === 'vhdxfile') return { ext: 'vhdx', mime: 'application/x-vhdx' };
  // Dynamic VHDs copy their footer to the start; fixed ones only have it in the last 512 bytes.
  if (ascii(b, 0, 8) === 'conectix' || (b.length >= 512 && ascii(b, b.length - 512, 8) === 'conectix')) {
    return { ext: 'vhd', mime: 'application/x-vhd' };
  }
  // ISO 9660 and UDF volumes both start their descriptors at 0x8001.
  for (const offset of [0x8001, 0x8801, 0x9001]) {
    const id = ascii(b, offset, 5);
    if (id === 'CD001' || id === 'BEA01' || id === 'NSR02' || id === 'NSR03') {
      return { ext: 'iso', mime: 'application/x-iso9660-image' };
    }
  }
  if (b.length >= 512 && b[510] === 0x55 && b[511] === 0xaa) {
    const fs = [ascii(b, 0x36, 5), ascii(b, 0x52, 5), ascii(b, 3, 5)];
    if (fs.includes('FAT12') || fs.includes('FAT16') || fs.includes('FAT32') || fs.includes('NTFS ') || fs.includes('EXFAT')) {
      return { ext: 'img', mime: 'application/x-raw-disk-image' };
    }
  }
  return undefined;
}

/** OLE compound files hold Word, Excel, PowerPoint, Outlook and MSI alike: the root entry's class id tells them apart. */
const OLE_CLASSES: Record<string, DetectedType> = {
  '84100c0000000000c000000000000046': { ext: 'msi', mime: 'application/x-msi' },
  '86100c0000000000c000000000000046': { ext: 'msi', mime: 'application/x-msi' },
  '0609020000000000c000000000000046': { ext: 'doc', mime: 'application/msword' },
  '0009020000000000c000000000000046': { ext: 'doc', mime: 'application/msword' },
  '2008020000000000c000000000000046': { ext: 'xls', mime: 'application/vnd.ms-excel' },
  '1008020000000000c000000000000046': { ext: 'xls', mime: 'application/vnd.ms-excel' },
  '1048750000000000c000000000000046': { ext: 'ppt', mime: 'application/vnd.ms-powerpoint' },
  '0b0d020000000000c000000000000046': { ext: 'msg', mime: 'application/vnd.ms-outlook' },
};

function oleKind(b: Uint8Array): DetectedType | undefined {
  if (b.length < 512) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const firstDirSector = view.getUint32(0x30, true);
  const rootEntry = (firstDirSector + 1) * sectorSize;
  if (sectorSize > 4096 || rootEntry + 0x60 > b.length) return undefined;
  const clsid = Buffer.from(b.subarray(rootEntry + 0x50, rootEntry + 0x60)).toString('hex');
  return Object.hasOwn(OLE_CLASSES, clsid) ? OLE_CLASSES[clsid] : undefined;
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset < 0 || offset + length > b.length) return '';
  return String.fromCharCode(...b.subarray(offset, offset + length));
}
