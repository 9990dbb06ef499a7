import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Queryable } from './db.ts';
import { StorageError } from './errors.ts';
import { isUuid } from './rows.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The stored form of raw bytes (compressed on libuv's thread pool, off the event loop). */
export function gzipRaw(raw: Uint8Array): Promise<Buffer> {
  return gzipAsync(raw);
}

export interface StoredRaw {
  sha256: string;
  sizeBytes: number;
  /** False when the same bytes were already stored for this tenant. */
  created: boolean;
}

/**
 * Raw MIME, stored once per tenant and SHA-256, gzip-compressed (MIME text compresses well and
 * gzip is fast at both ends). Reads check the hash, so corruption is reported, never served.
 */
export class RawMimeRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async put(tenantId: string, raw: Uint8Array): Promise<StoredRaw> {
    const sha256 = sha256Hex(raw);
    const exists = await this.#db.query('SELECT 1 FROM raw_messages WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256]);
    if (exists.rowCount > 0) return { sha256, sizeBytes: raw.byteLength, created: false };
    const compressed = await gzipAsync(raw);
    // ON CONFLICT: another worker may store the same bytes between the check and the insert.
    const { rowCount } = await this.#db.query(
      `INSERT INTO raw_messages (tenant_id, sha256, size_bytes, compression, content) VALUES ($1, $2, $3, 'gzip', $4)
       ON CONFLICT (tenant_id, sha256) DO NOTHING`,
      [tenantId, sha256, raw.byteLength, compressed],
    );
    return { sha256, sizeBytes: raw.byteLength, created: rowCount > 0 };
  }

  async get(tenantId: string, sha256: string): Promise<Buffer | null> {
    const { rows } = await this.#db.query<{ content: Uint8Array; size_bytes: number }>(
      'SELECT content, size_bytes FROM raw_messages WHERE tenant_id = $1 AND sha256 = $2',
      [tenantId, sha256.toLowerCase()],
    );
    return rows[0] ? verify(await gunzipAsync(rows[0].content), sha256.toLowerCase(), rows[0].size_bytes) : null;
  }

  /** The raw bytes of one of the tenant's messages. */
  async getForMessage(tenantId: string, messageId: string): Promise<Buffer | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<{ content: Uint8Array; size_bytes: number; sha256: string }>(
      `SELECT r.content, r.size_bytes, r.sha256 FROM messages m
       JOIN raw_messages r ON r.tenant_id = m.tenant_id AND r.sha256 = m.sha256
       WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, messageId],
    );
    return rows[0] ? verify(await gunzipAsync(rows[0].content), rows[0].sha256, rows[0].size_bytes) : null;
  }

  /** Compressed bytes held for the tenant (for usage figures). */
  async storedBytes(tenantId: string): Promise<{ blobs: number; rawBytes: number; compressedBytes: number }> {
    const { rows } = await this.#db.query<{ blobs: number; raw_bytes: number; compressed_bytes: number }>(
      `SELECT count(*)::int AS blobs, COALESCE(sum(size_bytes), 0)::bigint AS raw_bytes,
              COALESCE(sum(octet_length(content)), 0)::bigint AS compressed_bytes
       FROM raw_messages WHERE tenant_id = $1`,
      [tenantId],
    );
    return { blobs: rows[0].blobs, rawBytes: rows[0].raw_bytes, compressedBytes: rows[0].compressed_bytes };
  }
}

function verify(bytes: Buffer, sha256: string, sizeBytes: number): Buffer {
  if (bytes.byteLength !== sizeBytes || sha256Hex(bytes) !== sha256) {
    throw new StorageError('STORAGE_RAW_CORRUPT', `stored raw message ${sha256.slice(0, 12)} does not match its hash`);
  }
  return bytes;
}
