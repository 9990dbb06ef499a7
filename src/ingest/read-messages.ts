import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { maybeGunzip } from '../cli/read-input.ts';

/** One message found on disk: `label` names it in output (`file` or `file#3` inside an mbox). */
export interface FoundMessage {
  label: string;
  raw: Uint8Array;
}

const MESSAGE_FILE = /\.(eml|eml\.gz|mbox|mbox\.gz|msg\.txt)$/i;

/** Files named on the command line, and message files (.eml, .eml.gz, .mbox) in folders, recursively, in name order. */
export async function listMessageFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) files.push(...(await listMessageFiles([child])));
      else if (entry.isFile() && MESSAGE_FILE.test(entry.name)) files.push(child);
    }
  }
  return files;
}

/** The messages of one file: gzip undone; an mbox (several `From ` separator lines) split into its messages. */
export async function readMessages(file: string): Promise<FoundMessage[]> {
  const bytes = maybeGunzip(await readFile(file));
  const parts = splitMbox(bytes);
  return parts.length === 1 ? [{ label: file, raw: parts[0] }] : parts.map((raw, i) => ({ label: `${file}#${i + 1}`, raw }));
}

/**
 * Splits mbox content at `From ` lines that start a message. Single messages (with or without a
 * leading `From ` line) come back whole; the leading line is kept, as the scanner skips it.
 * In the mboxrd convention, `>From ` lines in bodies are unescaped by one level.
 */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('From ')) return [bytes];
  const starts: number[] = [0];
  const separator = /\r?\n\r?\nFrom [^\r\n]*\r?\n/g;
  for (let m = separator.exec(text); m; m = separator.exec(text)) starts.push(m.index + m[0].indexOf('From '));
  if (starts.length === 1) return [bytes];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const message = text
      .slice(start, end)
      .replace(/^From [^\r\n]*\r?\n/, '')
      .replace(/^>(>*From )/gm, '$1');
    return Buffer.from(message, 'latin1');
  });
}
