import type { Db, Queryable } from '../../storage/db.ts';
import type { DeadJob, EnqueueResult } from '../job-queue.ts';
import type { JobType } from '../jobs.ts';

/** A claimed job as the worker sees it. */
export interface ClaimedJob {
  id: string;
  type: JobType;
  payload: unknown;
  idempotency_key: string;
  partition_key: string;
  attempts: number;
  max_attempts: number;
}

export interface NewJob {
  type: JobType;
  payload: unknown;
  idempotencyKey: string;
  partitionKey: string;
  maxAttempts: number;
}

const MS = `* interval '1 millisecond'`;

/** Every SQL statement of the embedded queue; written once for PGlite and PostgreSQL. */
export class JobStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /**
   * Insert unless the key exists; a finished job older than the retention window no longer
   * counts. The common case (a new key) is one statement; the rest runs in a transaction.
   */
  async enqueue(job: NewJob, retentionMs: number): Promise<EnqueueResult> {
    const inserted = await this.insert(this.db, job);
    if (inserted) return { jobId: inserted, created: true };
    return this.db.transaction(async (tx) => {
      const expired = await tx.query(
        `DELETE FROM jobs WHERE idempotency_key = $1 AND state = 'done' AND finished_at < now() - $2::float8 ${MS}`,
        [job.idempotencyKey, retentionMs],
      );
      const replaced = expired.rowCount > 0 ? await this.insert(tx, job) : null;
      if (replaced) return { jobId: replaced, created: true };
      const existing = await tx.query<{ id: string }>('SELECT id::text AS id FROM jobs WHERE idempotency_key = $1', [job.idempotencyKey]);
      if (existing.rows[0]) return { jobId: existing.rows[0].id, created: false };
      // Purged between the two statements: the key is free again.
      const retried = await this.insert(tx, job);
      if (!retried) throw new Error('idempotency key neither free nor taken');
      return { jobId: retried, created: true };
    });
  }

  /**
   * Enqueue several jobs in one statement, ids in list order (partition order follows ids). A job
   * whose key is taken (or repeated in the list) goes through `enqueue` alone, which settles it.
   */
  async enqueueMany(jobs: NewJob[], retentionMs: number): Promise<EnqueueResult[]> {
    if (jobs.length === 1) return [await this.enqueue(jobs[0], retentionMs)];
    const { rows } = await this.db.query<{ id: string; idempotency_key: string }>(
      `INSERT INTO jobs (type, payload, idempotency_key, partition_key, max_attempts)
       SELECT u.type, u.payload::jsonb, u.idempotency_key, u.partition_key, u.max_attempts
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY
         AS u(type, payload, idempotency_key, partition_key, max_attempts, n)
       ORDER BY u.n
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id::text AS id, idempotency_key`,
      [
        jobs.map((job) => job.type),
        jobs.map((job) => JSON.stringify(job.payload)),
        jobs.map((job) => job.idempotencyKey),
        jobs.map((job) => job.partitionKey),
        jobs.map((job) => job.maxAttempts),
      ],
    );
    const created = new Map(rows.map((row) => [row.idempotency_key, row.id]));
    const results: EnqueueResult[] = [];
    for (const job of jobs) {
      const id = created.get(job.idempotencyKey);
      if (id !== undefined) {
        created.delete(job.idempotencyKey); // a repeat later in the list is not new
        results.push({ jobId: id, created: true });
      } else {
        results.push(await this.enqueue(job, retentionMs));
      }
    }
    return results;
  }

  private async insert(db: Queryable, job: NewJob): Promise<string | null> {
    const result = await db.query<{ id: string }>(
      `INSERT INTO jobs (type, payload, idempotency_key, partition_key, max_attempts)
       VALUES ($1, $2::jsonb, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id::text AS id`,
      [job.type, JSON.stringify(job.payload), job.idempotencyKey, job.partitionKey, job.maxAttempts],
    );
    return result.rows[0]?.id ?? null;
  }

  /** The claim rule (partition order, leases, SKIP LOCKED) lives in `jobs_claim_next`, migration 0002. */
  async claim(workerId: string, types: JobType[], leaseMs: number): Promise<ClaimedJob | null> {
    if (types.length === 0) return null;
    const result = await this.db.query<ClaimedJob>('SELECT * FROM jobs_claim_next($1, $2, $3::text[])', [workerId, leaseMs, types]);
    return result.rows[0] ?? null;
  }

  /** Claim up to `max` jobs in one statement (`jobs_claim_batch`, migration 0005), oldest first. */
  async claimMany(workerId: string, types: JobType[], leaseMs: number, max: number): Promise<ClaimedJob[]> {
    if (types.length === 0 || max < 1) return [];
    if (max === 1) {
      const job = await this.claim(workerId, types, leaseMs);
      return job ? [job] : [];
    }
    const result = await this.db.query<ClaimedJob>('SELECT * FROM jobs_claim_batch($1, $2, $3::text[], $4::int)', [
      workerId,
      leaseMs,
      types,
      max,
    ]);
    return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Mark several of one worker's jobs done in one statement; jobs whose lease it lost are left alone. */
  async completeMany(ids: string[], workerId: string): Promise<void> {
    if (ids.length === 1) return this.complete(ids[0], workerId);
    await this.db.query(
      `UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now()
       WHERE id = ANY($1::bigint[]) AND locked_by = $2 AND state = 'running'`,
      [ids, workerId],
    );
  }

  async renew(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE jobs SET locked_until = now() + $3::float8 ${MS}, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [id, workerId, leaseMs],
    );
    return result.rowCount > 0;
  }

  async complete(id: string, workerId: string): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [id, workerId],
    );
  }

  async retryLater(id: string, workerId: string, error: string, delayMs: number): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET state = 'failed', last_error = $3, run_at = now() + $4::float8 ${MS},
         locked_by = NULL, locked_until = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [id, workerId, error, delayMs],
    );
  }

  async bury(id: string, workerId: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET state = 'dead', last_error = $3, locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [id, workerId, error],
    );
  }

  /** Hand a claimed job back at once. An attempt that never ran to completion is not counted. */
  async release(id: string, workerId: string): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET state = 'queued', attempts = GREATEST(attempts - 1, 0), locked_by = NULL, locked_until = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [id, workerId],
    );
  }

  async listDead(limit: number): Promise<DeadJob[]> {
    const result = await this.db.query<{
      id: string;
      type: JobType;
      payload: unknown;
      idempotency_key: string;
      partition_key: string;
      attempts: number;
      last_error: string | null;
      finished_at: Date | string;
    }>(
      `SELECT id::text AS id, type, payload, idempotency_key, partition_key, attempts, last_error, finished_at
       FROM jobs WHERE state = 'dead' ORDER BY finished_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return result.rows.map((row) => ({
      jobId: row.id,
      type: row.type,
      payload: row.payload,
      idempotencyKey: row.idempotency_key,
      partitionKey: row.partition_key,
      attempts: row.attempts,
      lastError: row.last_error,
      diedAt: new Date(row.finished_at),
    }));
  }

  async retryDead(id: string): Promise<boolean> {
    if (!/^\d+$/.test(id)) return false;
    const result = await this.db.query(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL, updated_at = now()
       WHERE id = $1 AND state = 'dead'`,
      [id],
    );
    return result.rowCount > 0;
  }

  /** Forget finished jobs past the idempotency retention window. */
  async purgeDone(retentionMs: number): Promise<number> {
    const result = await this.db.query(`DELETE FROM jobs WHERE state = 'done' AND finished_at < now() - $1::float8 ${MS}`, [retentionMs]);
    return result.rowCount;
  }
}
