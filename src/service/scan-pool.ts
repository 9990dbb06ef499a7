import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { BehaviourLimits, ProfileChanges, ProfileEntry } from '../behaviour/tenant-behaviour.ts';
import type { ServiceConfig } from '../config/service-config.ts';
import type { ScanReport } from '../core/report.ts';
import type { Envelope, ScanSettings } from '../pipeline/scan-context.ts';
import type { TenantSettings } from '../storage/tenant-settings.ts';

/** One scan as the thread receives it: bytes, envelope, the tenant's lists and scoring overrides. */
export interface ScanRequest {
  tenantId: string;
  raw: Uint8Array;
  envelope: Envelope;
  settings: Partial<ScanSettings>;
  scoring: Pick<TenantSettings, 'signalWeights' | 'thresholds'>;
  /** False for a rescan: the tenant's model already learned this message on its first scan (default true). */
  learn?: boolean;
}

/** An analyst's or user's judgement of one message, for the tenant's behaviour model. */
export interface TeachRequest extends Pick<ScanRequest, 'tenantId' | 'raw' | 'envelope' | 'settings'> {
  decision: BehaviourDecision;
}

export type BehaviourDecision = 'not_a_threat' | 'threat';

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
  behaviourLimits?: Partial<BehaviourLimits>;
}

/**
 * The main thread's side of the tenants' behaviour models held by the threads
 * (`StoredBehaviourStore` fits): the stored entries a thread loads a model from, and the changes
 * the threads send back to be written.
 */
export interface ThreadBehaviourSync {
  storedEntries(tenantId: string): Promise<ProfileEntry[]>;
  record(tenantId: string, changes: ProfileChanges): void;
  /** True when a model loaded at `loadedAt` should be loaded again (other processes learn too). */
  isStale(loadedAt: number): boolean;
}

/** Messages to a scan thread; each with an id is answered with a `Reply` of that id. */
export type ThreadMessage =
  | { id: number; scan: ScanRequest }
  | { id: number; teach: TeachRequest }
  | { id: number; forget: string }
  | { load: { tenantId: string; entries: ProfileEntry[] } };

/** A done request: the report of a scan, and what the tenant's model learned meanwhile. */
export interface Answer {
  id: number;
  report?: ScanReport;
  changes?: ProfileChanges;
}

export type Reply = Answer | { id: number; error: string } | { ready: true };

interface Waiting {
  tenantId: string;
  resolve: (reply: Answer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Waiting>;
  /** Tenants whose behaviour model this thread holds (or is being sent), and when it was loaded. */
  tenants: Map<string, { sent: Promise<void>; loadedAt: number }>;
  exited: boolean;
}

/**
 * Scanning on worker threads. On the embedded default the database (PGlite) runs in the service's
 * main thread and the engine is CPU-bound: scanning there makes each wait for the other. The pool
 * gives the engine its own threads, so the database and the scans use different cores.
 *
 * With behaviour models (`ThreadBehaviourSync`), each tenant is pinned to one thread (a stable
 * hash of its id), which holds the tenant's model: one writer per model, no locks, and nothing
 * copied per scan. The main thread sends the stored entries with the tenant's first request to
 * that thread; every answer brings back what the model learned (`takeChanges`), which the main
 * thread writes. A thread that dies loses only the scans in flight: its replacement loads the
 * tenant again from storage, changes included. Without behaviour models a scan goes to the thread
 * with the fewest scans in flight (a thread takes several at once: DNS lookups wait).
 *
 * A thread that dies fails its scans (the jobs are retried by the queue) and is replaced.
 */
export class ScanPool implements Scanner {
  private readonly threads: Thread[] = [];
  private readonly config: ScanThreadConfig;
  private readonly log: Logger;
  private readonly behaviour: ThreadBehaviourSync | undefined;
  private nextId = 1;
  private closed = false;

  private constructor(config: ScanThreadConfig, log: Logger, behaviour: ThreadBehaviourSync | undefined) {
    this.config = config;
    this.log = log;
    this.behaviour = behaviour;
  }

  /** Starts `size` threads and waits until each has built its engine. */
  static async start(size: number, config: ScanThreadConfig, log: Logger, behaviour?: ThreadBehaviourSync): Promise<ScanPool> {
    const pool = new ScanPool(config, log.child({ component: 'scan-pool' }), behaviour);
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

  async scan(request: ScanRequest): Promise<ScanReport> {
    const thread = this.behaviour
      ? await this.ownerOf(request.tenantId)
      : this.threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));
    return (await this.send(thread, request.tenantId, (id) => ({ id, scan: request }))).report!;
  }

  /** Feeds an analyst's or user's judgement to the tenant's model on its thread. */
  async teach(request: TeachRequest): Promise<void> {
    if (!this.behaviour) return;
    await this.send(await this.ownerOf(request.tenantId), request.tenantId, (id) => ({ id, teach: request }));
  }

  /**
   * Drops the tenant's model from every thread and waits until each has done so: the changes they
   * made before are back in the main thread by then (answers arrive in order).
   */
  async forget(tenantId: string): Promise<void> {
    await Promise.all(
      this.threads.map((thread) => {
        thread.tenants.delete(tenantId);
        return thread.exited ? undefined : this.send(thread, tenantId, (id) => ({ id, forget: tenantId }));
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  /** The thread that holds the tenant's model, once it has been sent the stored entries. */
  private async ownerOf(tenantId: string): Promise<Thread> {
    const sync = this.behaviour!;
    if (this.closed) throw new Error('scan pool closed');
    const index = pinnedThread(tenantId, this.threads.length);
    const thread = this.threads[index];
    let loaded = thread.tenants.get(tenantId);
    if (loaded && sync.isStale(loaded.loadedAt)) loaded = undefined;
    if (!loaded) {
      const sent = sync.storedEntries(tenantId).then((entries) => {
        thread.worker.postMessage({ load: { tenantId, entries } } satisfies ThreadMessage);
      });
      const entry = { sent, loadedAt: Date.now() };
      loaded = entry;
      thread.tenants.set(tenantId, entry);
      sent.catch(() => {
        if (thread.tenants.get(tenantId) === entry) thread.tenants.delete(tenantId);
      });
    }
    await loaded.sent;
    if (!thread.exited) return thread;
    // Replaced while the entries were read: ask again, the new thread loads the tenant.
    if (this.threads[index] !== thread) return this.ownerOf(tenantId);
    throw new Error('scan thread exited before the scan');
  }

  private send(thread: Thread, tenantId: string, message: (id: number) => ThreadMessage): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    if (thread.exited) return Promise.reject(new Error('scan thread exited before the scan'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { tenantId, resolve, reject });
      thread.worker.postMessage(message(id));
    });
  }

  private spawn(index: number): Promise<void> {
    const worker = new Worker(new URL('./scan-thread.ts', import.meta.url), { workerData: this.config });
    const thread: Thread = { worker, pending: new Map(), tenants: new Map(), exited: false };
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
        else {
          if (reply.changes) this.behaviour?.record(waiting.tenantId, reply.changes);
          waiting.resolve(reply);
        }
      });
      worker.on('error', (error) => this.log.error({ err: error.message, thread: index }, 'scan thread failed'));
      worker.on('exit', (code) => {
        thread.exited = true;
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

/** The thread a tenant is pinned to: FNV-1a of its id, so the choice is the same on every start. */
export function pinnedThread(tenantId: string, threads: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i++) hash = Math.imul(hash ^ tenantId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % threads;
}
