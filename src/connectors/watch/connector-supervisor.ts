import { randomUUID } from 'node:crypto';
import { errorMessage } from '../../core/errors.ts';
import type { MailboxConnection } from '../../storage/mailbox-connections.ts';
import type { ImapLogin } from '../imap/client.ts';
import { MailboxWatcher, type WatcherOptions } from './mailbox-watcher.ts';
import type { WatchDeps } from './sync-deps.ts';

export interface SupervisorOptions extends Partial<WatcherOptions> {
  /** How often the list of mailboxes to watch is read again (new, removed, paused mailboxes). */
  refreshMs?: number;
  /** How long this process holds a mailbox without renewing; another process takes it over after. */
  leaseMs?: number;
}

export interface ConnectorSupervisor {
  readonly watcherId: string;
  /** Reads the mailbox list now (after an add or remove through this process). */
  refresh(): Promise<void>;
  requestSync(mailboxId: string): void;
  watching(): string[];
  stop(): Promise<void>;
}

/** What makes a running watcher stale: any change to how the mailbox is reached. */
function fingerprint(c: MailboxConnection): string {
  return [c.host, c.port, c.tls, c.username, c.authKind, c.sealedSecret, c.inboxFolder, c.quarantineMode, c.quarantineFolder].join('\n');
}

/**
 * Runs one watcher per connected mailbox that is active or in error, leased in storage so that
 * two connector processes never watch the same mailbox. Mailboxes that are removed, paused or
 * disabled lose their watcher at the next refresh; changed settings restart it.
 */
export function startConnectorSupervisor(
  deps: WatchDeps,
  login: (connection: MailboxConnection) => Promise<ImapLogin>,
  options: SupervisorOptions = {},
): ConnectorSupervisor {
  const watcherId = `${process.pid}:${randomUUID()}`;
  const refreshMs = options.refreshMs ?? 10_000;
  const leaseMs = options.leaseMs ?? Math.max(60_000, refreshMs * 3);
  const watcherOptions: WatcherOptions = {
    resyncMs: options.resyncMs ?? 60_000,
    reconnect: options.reconnect ?? { baseMs: 1000, maxMs: 60_000 },
    authRetryMs: options.authRetryMs ?? 5 * 60_000,
    backlogBatch: options.backlogBatch ?? 20,
    backlogPauseMs: options.backlogPauseMs ?? 1000,
    onSynced: options.onSynced,
  };
  const watchers = new Map<string, { watcher: MailboxWatcher; fingerprint: string }>();
  let stopped = false;
  let refreshing: Promise<void> | null = null;

  const refreshOnce = async () => {
    const leased = await deps.connections.leaseWatchable(watcherId, leaseMs);
    const seen = new Set<string>();
    for (const connection of leased) {
      seen.add(connection.mailboxId);
      const running = watchers.get(connection.mailboxId);
      if (running && running.fingerprint === fingerprint(connection)) continue;
      if (running) await running.watcher.stop();
      const watcher = new MailboxWatcher(connection, deps, login, watcherOptions);
      watchers.set(connection.mailboxId, { watcher, fingerprint: fingerprint(connection) });
      watcher.start();
    }
    for (const [mailboxId, running] of watchers) {
      if (seen.has(mailboxId)) continue;
      watchers.delete(mailboxId);
      await running.watcher.stop();
    }
  };
  const refresh = () => {
    refreshing ??= refreshOnce()
      .catch((error: unknown) => deps.log.error({ err: errorMessage(error) }, 'could not refresh the watched mailboxes'))
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };
  const timer = setInterval(() => {
    if (!stopped) void refresh();
  }, refreshMs);
  void refresh();

  return {
    watcherId,
    refresh,
    requestSync: (mailboxId) => watchers.get(mailboxId)?.watcher.requestSync(),
    watching: () => [...watchers.keys()],
    async stop() {
      stopped = true;
      clearInterval(timer);
      await refreshing;
      await Promise.all([...watchers.values()].map((running) => running.watcher.stop()));
      watchers.clear();
      await deps.connections.releaseLeases(watcherId).catch(() => {});
    },
  };
}
