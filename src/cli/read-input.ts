import { gunzipSync } from 'node:zlib';
import { errorMessage, MailwardError } from '../core/errors.ts';

type ReadFile = (path: string) => Promise<Uint8Array>;

/** Reads a message from a path or a stream, un-gzipping `.gz` content (detected by its bytes). */
export async function readInput(source: string | NodeJS.ReadableStream, readFile?: ReadFile): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    if (typeof source === 'string') {
      bytes = await (readFile as ReadFile)(source);
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of source) chunks.push(Buffer.from(chunk as Buffer));
      bytes = Buffer.concat(chunks);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = typeof source === 'string' ? source : 'standard input';
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : errorMessage(error);
    throw new MailwardError('INPUT_UNREADABLE', `cannot read ${what}: ${reason}`);
  }
  return maybeGunzip(bytes);
}

export function maybeGunzip(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new MailwardError('INPUT_UNREADABLE', `gzip data is corrupt: ${errorMessage(error)}`);
  }
}
