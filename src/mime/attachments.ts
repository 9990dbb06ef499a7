import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
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

/**
 * Turn the message's parts into attachments typed by their bytes (never by their names).
 */
export async function expandAttachments(parts: RawPart[], _limits: MimeLimits): Promise<Attachment[]> {
  const out: Attachment[] = [];
  for (const part of parts) {
    out.push(await describe(part, part.filename, 0));
  }
  return out;
}

async function describe(part: RawPart, path: string, depth: number): Promise<Attachment> {
  const detected = part.content.length > 0 ? await fileTypeFromBuffer(part.content) : undefined;
  return {
    filename: part.filename,
    path: path || '(unnamed)',
    declaredType: part.declaredType,
    detectedType: detected ? { ext: detected.ext, mime: detected.mime } : undefined,
    size: part.content.length,
    sha256: createHash('sha256').update(part.content).digest('hex'),
    depth,
    disposition: part.disposition,
    contentId: part.contentId,
    encrypted: false,
    content: part.content,
    truncated: false,
  };
}
