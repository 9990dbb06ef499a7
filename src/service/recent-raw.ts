/**
 * Raw bytes of messages this process just stored, kept until their scan takes them: when ingest
 * and the workers share a process (the embedded default), the scan need not read the bytes back
 * from the database, gunzip and re-hash them. Bounded by bytes; the oldest go first, and a scan
 * that finds nothing here reads storage as before.
 */
export class RecentRawMessages {
  private readonly entries = new Map<string, Uint8Array>();
  private readonly maxBytes: number;
  private bytes = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }

  put(tenantId: string, messageId: string, raw: Uint8Array): void {
    if (raw.byteLength > this.maxBytes / 8) return;
    const key = `${tenantId}:${messageId}`;
    this.remove(key);
    this.entries.set(key, raw);
    this.bytes += raw.byteLength;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.byteLength;
    }
  }

  /** The bytes, removed from the cache: a message is scanned once, rescans read storage. */
  take(tenantId: string, messageId: string): Uint8Array | undefined {
    const key = `${tenantId}:${messageId}`;
    const raw = this.entries.get(key);
    this.remove(key);
    return raw;
  }

  private remove(key: string): void {
    const raw = this.entries.get(key);
    if (!raw) return;
    this.entries.delete(key);
    this.bytes -= raw.byteLength;
  }
}

const byRepos = new WeakMap<object, RecentRawMessages>();

/** The cache of one set of repositories (one process, one store). */
export function recentRawOf(repos: object): RecentRawMessages {
  let cache = byRepos.get(repos);
  if (!cache) {
    cache = new RecentRawMessages();
    byRepos.set(repos, cache);
  }
  return cache;
}
