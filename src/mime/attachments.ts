import { createHash } from 'node:crypto';
import { gunzipBounded, listTarEntries } from './archive-gzip.ts';
import type { Inflated } from './archive-inflate.ts';
import { listIsoEntries } from './archive-iso.ts';
import { inspectSealedArchive } from './archive-sealed.ts';
import { listZipEntries, readZipEntry } from './archive-zip.ts';
import { detectFileType } from './file-kind.ts';
import type { MimeLimits } from './limits.ts';
import type { Attachment } from './types.ts';

/** A part as the MIME parser hands it over, before typing and archive opening. */
export interface RawPart {
  filename: string;
  declaredType: string;
  disposition: 'attachment' | 'inline' | '';
  contentId: string;
  content: Uint8Array;
}

/** Bytes kept from a member that is over the budget, so it can still be typed. */
const TYPING_HEAD_BYTES = 64 * 1024;

/** What is left to spend on archive members for the whole message. */
interface Budget {
  members: number;
  bytes: number;
}

/**
 * Turn the message's parts into attachments typed by their bytes (never by their names), and
 * open archives (zip, gzip, tar, ISO images; 7z/rar listed where readable) to `limits.maxArchiveDepth`.
 * Archive members follow their archive in the list, with `depth + 1` and a path such as
 * `invoice.zip/invoice.pdf.exe`.
 *
 * - `encrypted` marks members that a password protects, and a 7z/rar archive itself when its
 *   file list is protected too (there are no members to mark then).
 * - `truncated` marks members whose bytes were not (fully) extracted: over the message's member
 *   or byte budget, compressed with a method the scanner does not decode, or inside 7z/rar.
 *   Their content is empty, their sha256 is empty, and their type (if any) comes from the first
 *   bytes only.
 */
export async function expandAttachments(parts: RawPart[], limits: MimeLimits): Promise<Attachment[]> {
  const budget: Budget = { members: limits.maxArchiveMembers, bytes: limits.maxExtractedBytes };
  const out: Attachment[] = [];
  for (const part of parts) {
    const attachment = await describe(part, part.filename || '(unnamed)', 0, part.content, true);
    out.push(attachment);
    await openArchive(attachment, limits, budget, out);
  }
  return out;
}

interface Member {
  name: string;
  size: number;
  encrypted: boolean;
  /** Undefined when the bytes cannot be read at all (encrypted, unsupported, sealed archive). */
  read: ((maxBytes: number) => Inflated | undefined) | undefined;
}

async function openArchive(archive: Attachment, limits: MimeLimits, budget: Budget, out: Attachment[]): Promise<void> {
  if (archive.depth >= limits.maxArchiveDepth || archive.content.length === 0) return;
  let members: Member[] | undefined;
  try {
    members = membersOf(archive, budget.members);
  } catch {
    // A malformed archive stays a typed attachment without members; it must never fail the parse.
    return;
  }
  if (!members) return;
  for (const member of members) {
    if (budget.members <= 0) return;
    budget.members--;
    const path = `${archive.path}/${member.name}`;
    const filename = member.name.split(/[/\\]/).pop() ?? member.name;
    const part: RawPart = { filename, declaredType: '', disposition: 'attachment', contentId: '', content: new Uint8Array(0) };
    if (!member.read) {
      const sealed = await describe(part, path, archive.depth + 1, part.content, false);
      out.push({ ...sealed, size: member.size, encrypted: member.encrypted, truncated: !member.encrypted });
      continue;
    }
    // Honest headers let an oversized member be skipped cheaply: only its head is read, for typing.
    const fits = member.size <= budget.bytes;
    const extracted = readSafely(member.read, fits ? budget.bytes : Math.min(budget.bytes, TYPING_HEAD_BYTES));
    const complete = fits && extracted?.complete === true;
    budget.bytes -= extracted?.data.length ?? 0;
    const bytes = extracted?.data ?? new Uint8Array(0);
    const attachment = await describe({ ...part, content: complete ? bytes : new Uint8Array(0) }, path, archive.depth + 1, bytes, complete);
    out.push({ ...attachment, size: complete ? bytes.length : Math.max(member.size, bytes.length), truncated: !complete });
    if (complete) await openArchive(out[out.length - 1], limits, budget, out);
  }
}

function membersOf(archive: Attachment, maxMembers: number): Member[] | undefined {
  const bytes = archive.content;
  switch (archive.detectedType?.ext) {
    case 'zip':
      return listZipEntries(bytes, maxMembers)
        ?.filter((entry) => !entry.isDirectory)
        .map((entry) => ({
          name: entry.name,
          size: entry.size,
          encrypted: entry.encrypted,
          read: entry.encrypted ? undefined : (max: number) => readZipEntry(bytes, entry, max),
        }));
    case 'gz':
    case 'tar.gz': {
      const name = gzipMemberName(bytes, archive.filename);
      return [{ name, size: 0, encrypted: false, read: (max: number) => gunzipBounded(bytes, max)?.content }];
    }
    case 'tar':
      return listTarEntries(bytes, maxMembers).map((entry) => sliceMember(bytes, entry));
    case 'iso':
      return listIsoEntries(bytes, maxMembers).map((entry) => sliceMember(bytes, entry));
    case '7z':
    case 'rar': {
      const sealed = inspectSealedArchive(bytes, maxMembers);
      if (!sealed) return undefined;
      if (sealed.encrypted && sealed.members.length === 0) archive.encrypted = true;
      return sealed.members.map((m) => ({ name: m.name, size: m.size, encrypted: m.encrypted, read: undefined }));
    }
    default:
      return undefined;
  }
}

function readSafely(read: (maxBytes: number) => Inflated | undefined, maxBytes: number): Inflated | undefined {
  try {
    return read(maxBytes);
  } catch {
    return undefined;
  }
}

/** A member stored uncompressed at `offset` (tar, disk images): reading it is slicing. */
function sliceMember(bytes: Uint8Array, entry: { name: string; offset: number; size: number }): Member {
  return {
    name: entry.name,
    size: entry.size,
    encrypted: false,
    read: (max: number) => {
      const data = bytes.subarray(entry.offset, Math.min(bytes.length, entry.offset + entry.size, entry.offset + max));
      return { data, complete: data.length === entry.size };
    },
  };
}

/** gzip's stored name if any, else the archive's name without `.gz` (`.tgz` -> `.tar`). */
function gzipMemberName(bytes: Uint8Array, archiveName: string): string {
  const stored = gunzipHeaderName(bytes);
  if (stored) return stored;
  const base = archiveName.replace(/\.tgz$/i, '.tar').replace(/\.gz$/i, '');
  return base && base !== archiveName ? base : 'content';
}

function gunzipHeaderName(bytes: Uint8Array): string {
  if (!(bytes[3] & 8)) return '';
  let at = 10;
  if (bytes[3] & 4) at += 2 + (bytes[at] | (bytes[at + 1] << 8));
  const end = bytes.indexOf(0, at);
  return end > at ? Buffer.from(bytes.subarray(at, Math.min(end, at + 255))).toString('latin1') : '';
}

/** `typingBytes` may be just the head of a member that was too large to keep. */
async function describe(part: RawPart, path: string, depth: number, typingBytes: Uint8Array, hashed: boolean): Promise<Attachment> {
  const detectedType = await detectFileType(typingBytes);
  return {
    filename: part.filename,
    path,
    declaredType: part.declaredType,
    detectedType,
    size: part.content.length,
    sha256: hashed ? createHash('sha256').update(part.content).digest('hex') : '',
    depth,
    disposition: part.disposition,
    contentId: part.contentId,
    encrypted: false,
    content: part.content,
    truncated: false,
  };
}
