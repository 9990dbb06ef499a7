import { errorMessage } from '../core/errors.ts';
import type { ServiceDeps } from './deps.ts';
import { JOURNAL_MAILBOX } from './ingest.ts';
import { enqueueScan } from './scan-jobs.ts';

/**
 * Retention: purges what each tenant's retention says to forget, at start and then every
 * `retention.interval_minutes`. Every worker process runs it; the purge is idempotent, so two
 * running at once only repeat work. Returns a function that stops the timer.
 */
export function scheduleRetention(deps: ServiceDeps): { stop: () => Promise<void> } {
  const log = deps.log.child({ component: 'retention' });
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = deps.repos.retention
      .purgeAll(deps.clock())
      .then((results) => {
        const messages = results.reduce((n, r) => n + r.messages, 0);
        const blobs = results.reduce((n, r) => n + r.rawBlobs, 0);
        if (messages + blobs > 0) log.info({ messages, rawBlobs: blobs }, 'retention purge');
      })
      .catch((error: unknown) => log.error({ err: errorMessage(error) }, 'retention purge failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, deps.config.retention.intervalMinutes * 60_000);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Safety net at worker start: messages stored but never scanned (the process died between
 * storing and enqueueing, and the sender did not retry) get their scan enqueued. Enqueueing uses
 * the scan's idempotency key, and the scan worker saves one first report per message, so a
 * message whose scan is merely waiting in the queue is not scanned twice.
 */
export async function enqueueUnscanned(deps: ServiceDeps, options: { olderThanMs?: number; limit?: number } = {}): Promise<number> {
  const until = new Date(deps.clock().getTime() - (options.olderThanMs ?? 60_000));
  const limit = options.limit ?? 10_000;
  let count = 0;
  for (const tenant of await deps.repos.tenants.list()) {
    const journal = (await deps.repos.mailboxes.findByAddress(tenant.id, JOURNAL_MAILBOX.provider, JOURNAL_MAILBOX.address))?.id;
    let cursor: string | undefined;
    do {
      const page = await deps.repos.messages.list(tenant.id, { verdict: 'unscanned', until }, { cursor, limit: 100 });
      for (const message of page.items) {
        const payload = { tenantId: tenant.id, mailboxId: message.mailboxId, messageId: message.id };
        const { created } = await enqueueScan(deps, payload, { recipient: message.to[0], pseudoMailbox: message.mailboxId === journal });
        if (created) count++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && count < limit);
  }
  if (count > 0) deps.log.warn({ count }, 'enqueued scans for stored messages that had none');
  return count;
}

/**
 * PGlite runs no autovacuum and no auto-analyze (it has no background workers), so without this
 * the planner keeps the statistics of an empty database: the queue's claim query, planned for
 * "no rows", then reads the whole jobs table for every claim, and a few hundred queued jobs slow
 * the service to a crawl. So, on the embedded database only: the jobs table (small, rewritten by
 * every job) is analyzed every few seconds and vacuumed every minute; every table is analyzed at
 * start and every ten minutes (ANALYZE samples, so its cost stays bounded as tables grow).
 * PostgreSQL's own autovacuum does all this in scale-out.
 */
export function scheduleEmbeddedDbMaintenance(deps: Pick<ServiceDeps, 'db' | 'log'>): { stop: () => Promise<void> } {
  if (deps.db.driver !== 'pglite') return { stop: async () => {} };
  const log = deps.log.child({ component: 'db-maintenance' });
  let running: Promise<void> = Promise.resolve();
  let ticks = 0;
  const tick = () => {
    const n = ticks++;
    const sql = n % 120 === 0 ? 'ANALYZE' : n % 12 === 0 ? 'VACUUM (ANALYZE) jobs' : 'ANALYZE jobs';
    running = running
      .then(() => deps.db.exec(sql))
      .catch((error: unknown) => log.warn({ err: errorMessage(error), sql }, 'database maintenance failed'));
  };
  const timer = setInterval(tick, 5_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
