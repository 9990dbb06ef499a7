import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';
import type { ScanReport } from '../core/report.ts';
import type { Envelope, ScanSettings } from '../pipeline/scan-context.ts';
import type { TenantSettings } from '../storage/tenant-settings.ts';

/** One scan as the thread receives it: bytes, envelope, the tenant's lists and scoring overrides. */
export interface ScanRequest {
  raw: Uint8Array;
  envelope: Envelope;
  settings: Partial<ScanSettings>;
  scoring: Pick<TenantSettings, 'signalWeights' | 'thresholds'>;
}

/** Where scans run. The service passes one in `ServiceDeps.scanner`; without it the engine runs in the worker's own thread. */
export interface Scanner {
  scan(request: ScanRequest): Promise<ScanReport>;
  close(): Promise<void>;
}

/** What a scan thread needs to build the same engine as the service's own. */
export interface ScanThreadConfig {
  dns: ServiceConfig['dns'];
  scoringFile: string | null;
  logLevel: ServiceConfig['logLevel'];
}

type Reply = { id: number; report: ScanReport } | { id: number; error: string } | { ready: true };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (report: ScanReport) => void; reject: (error: Error) => void }>;
}

/**
 * Scanning on worker threads. On the embedded default the database (PGlite) runs in the service's
 * main thread and the engine is CPU-bound: scanning there makes each wait for the other. The pool
 * gives the engine its own threads, so the database and the scans use different cores.
 *
 * A scan goes to the thread with the fewest scans in flight (a thread takes several at once: DNS
 * lookups wait). A thread that dies fails its scans (the jobs are retried by the queue) and is
 * replaced.
 */
export class ScanPool implements Scanner {
  private readonly threads: Thread[] = [];
  private readonly config: ScanThreadConfig;
  private readonly log: Logger;
  private nextId = 1;
  private closed = false;

  private constructor(config: ScanThreadConfig, log: Logger) {
    this.config = config;
    this.log = log;
  }

  /** Starts `size` threads and waits until each has built its engine. */
  static async start(size: number, config: ScanThreadConfig, log: Logger): Promise<ScanPool> {
    const pool = new ScanPool(config, log.child({ component: 'scan-pool' }));
    try {
      await Promise.all(Array.from({ length: size }, (_, i) => pool.spawn(i)));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.threads.length;
  }

  scan(request: ScanRequest): Promise<ScanReport> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    const thread = this.threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));
    const id = this.nextId++;
    return new Promise<ScanReport>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private spawn(index: number): Promise<void> {
    const worker = new Worker(new URL('./scan-thread.ts', import.meta.url), { workerData: this.config });
    const thread: Thread = { worker, pending: new Map() };
    this.threads[index] = thread;
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          ready = true;
          resolve();
          return;
        }
        const waiting = thread.pending.get(reply.id);
        if (!waiting) return;
        thread.pending.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(reply.error));
        else waiting.resolve(reply.report);
      });
      worker.on('error', (error) => this.log.error({ err: error.message, thread: index }, 'scan thread failed'));
      worker.on('exit', (code) => {
        const lost = new Error(`scan thread exited (code ${code}) during the scan`);
        for (const waiting of thread.pending.values()) waiting.reject(lost);
        thread.pending.clear();
        if (!ready) {
          reject(new Error(`scan thread exited (code ${code}) before it was ready`));
          return;
        }
        if (this.closed) return;
        this.log.warn({ code, thread: index }, 'scan thread exited; starting a new one');
        this.spawn(index).catch((error: unknown) => this.log.error({ err: String(error), thread: index }, 'could not restart scan thread'));
      });
    });
  }
}
