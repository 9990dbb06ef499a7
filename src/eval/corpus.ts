import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { maybeGunzip } from '../cli/read-input.ts';
import { MailwardError } from '../core/errors.ts';
import { csvMessages } from './csv-corpus.ts';

export interface CorpusMessage {
  path: string;
  raw: Uint8Array;
}

export interface CorpusSet {
  name: string;
  dir: string;
  messages: CorpusMessage[];
  /** Files with the same content as one already loaded (counted once). */
  duplicates: number;
  /** Files that are not messages (README, LICENSE, JSON ...), skipped. */
  skipped: number;
}

/** Names that are never messages, whatever their first bytes look like. */
const NOT_MESSAGES = /\.(json|md|tsv|csv|txt\.json|js|ts|zip|xml|license)$|^(readme|license|manifest)/i;

/**
 * Every message under `dir` (recursively): `.eml`, `.eml.gz`, and any file that starts like a
 * message or with an mbox `From ` line (the SpamAssassin corpus uses `.txt`). Duplicates by
 * content hash are counted once, across all sets of one evaluation (`seen`).
 */
export async function loadSet(dir: string, seen: Set<string>): Promise<CorpusSet> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    throw new MailwardError('INPUT_UNREADABLE', `cannot read folder ${dir}`);
  }
  entries.sort();
  const set: CorpusSet = { name: basename(dir.replace(/\/+$/, '')), dir, messages: [], duplicates: 0, skipped: 0 };
  for (const path of entries) {
    if (path.toLowerCase().endsWith('.csv')) {
      const rows = csvMessages(await readFile(path, 'utf8'));
      if (rows.length === 0) set.skipped++;
      for (const [i, raw] of rows.entries()) addMessage(set, seen, `${path}#${i + 1}`, raw);
      continue;
    }
    if (NOT_MESSAGES.test(basename(path))) {
      set.skipped++;
      continue;
    }
    const raw = maybeGunzip(await readFile(path));
    if (!looksLikeMessageFile(raw)) {
      set.skipped++;
      continue;
    }
    addMessage(set, seen, path, raw);
  }
  return set;
}

function addMessage(set: CorpusSet, seen: Set<string>, path: string, raw: Uint8Array): void {
  const hash = createHash('sha256').update(raw).digest('hex');
  if (seen.has(hash)) {
    set.duplicates++;
    return;
  }
  seen.add(hash);
  set.messages.push({ path, raw });
}

function looksLikeMessageFile(raw: Uint8Array): boolean {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 512)).toString('latin1');
  return /^(From |[!-9;-~]{1,76}:)/.test(head.replace(/^[\r\n]+/, ''));
}
