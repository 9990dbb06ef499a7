import type { ImapFlow } from 'imapflow';
import { errorMessage } from '../../core/errors.ts';
import { backoffDelayMs } from '../../queue/backoff.ts';
import type { MailboxConnection } from '../../storage/mailbox-connections.ts';
import { ConnectorError } from '../errors.ts';
import { type ImapLogin, openImapClient } from '../imap/client.ts';
import { imapConnector } from '../imap/imap-connector.ts';
import type { WatchDeps } from './sync-deps.ts';
import { type SyncResult, syncMailbox } from './sync-mailbox.ts';

export interface WatcherOptions {
  /** Full pass by UID even without an IDLE event: catches what a lost push would miss. */
  resyncMs: number;
  /** Reconnect backoff; a refused login waits `authRetryMs` (the password will not fix itself in a second). */
  reconnect: { baseMs: number; maxMs: number };
  authRetryMs: number;
  backlogBatch: number;
  backlogPauseMs: number;
  /** Called after every sync pass (tests, benchmarks). */
  onSynced?: (mailboxId: string, result: SyncResult) => void;
}

/**
 * Watches one mailbox: logs in, syncs, then waits in IDLE on the inbox; each push ("a message
 * exists") and each periodic resync runs another pass, one at a time. When the connection drops
 * it reconnects with backoff and syncs from the stored cursor, so nothing delivered meanwhile is
 * missed. Its failures stay its own: the mailbox shows an error state, the others go on.
 */
export class MailboxWatcher {
  readonly connection: MailboxConnection;
  readonly #deps: WatchDeps;
  readonly #options: WatcherOptions;
  readonly #login: (connection: MailboxConnection) => Promise<ImapLogin>;
  #status: string;
  #stopped = false;
  #wake: (() => void) | null = null;
  #client: ImapFlow | null = null;
  #running: Promise<void> | null = null;
  #syncing = false;
  #syncAgain = false;

  constructor(
    connection: MailboxConnection & { status: string },
    deps: WatchDeps,
    login: (connection: MailboxConnection) => Promise<ImapLogin>,
    options: WatcherOptions,
  ) {
    this.connection = connection;
    this.#status = connection.status;
    this.#deps = deps;
    this.#login = login;
    this.#options = options;
  }

  start(): void {
    this.#running ??= this.#loop();
  }

  /** Runs a sync pass now (or right after the current one). */
  requestSync(): void {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    if (this.#client) void this.#sync(this.#client);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    this.#client?.close();
    await this.#running;
  }

  async #loop(): Promise<void> {
    const { tenantId, mailboxId } = this.connection;
    const log = this.#deps.log.child({ tenantId, mailboxId, component: 'imap-watcher' });
    let failures = 0;
    while (!this.#stopped) {
      let waitMs = 0;
      try {
        const login = await this.#login(this.connection);
        const client = await openImapClient(this.connection, login, { idle: true });
        this.#client = client;
        const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
        const connector = imapConnector(client);
        // Made ready early unless this mailbox deletes; with the tenant's mode the action ensures it again.
        if (this.connection.quarantineMode !== 'delete') await connector.ensureFolder(this.connection.quarantineFolder);
        await client.mailboxOpen(this.connection.inboxFolder);
        await this.#markHealthy();
        failures = 0;
        client.on('exists', () => this.requestSync());
        const resync = setInterval(() => this.requestSync(), this.#options.resyncMs);
        try {
          await this.#sync(client);
          if (!this.#stopped) await Promise.race([closed, new Promise<void>((resolve) => (this.#wake = resolve))]);
        } finally {
          clearInterval(resync);
          this.#client = null;
          client.close();
        }
        if (!this.#stopped) log.warn('IMAP connection closed; reconnecting');
      } catch (error) {
        failures++;
        const code = error instanceof ConnectorError ? error.code : 'CONNECTOR_FAILED';
        const auth = code === 'CONNECTOR_AUTH_FAILED' || code === 'CONNECTOR_AUTH_EXPIRED' || code === 'CONNECTOR_SECRET_UNREADABLE';
        log.warn({ code, failures, err: errorMessage(error) }, 'mailbox connection failed');
        if (auth || failures >= 3) await this.#markError(`${code}: ${errorMessage(error)}`);
        waitMs = auth ? this.#options.authRetryMs : backoffDelayMs(failures, this.#options.reconnect);
      }
      if (this.#stopped) break;
      if (waitMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  async #sync(client: ImapFlow): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    try {
      do {
        this.#syncAgain = false;
        // The cursor is read fresh: another pass (or a process before a restart) may have moved it.
        const current = await this.#deps.connections.get(this.connection.tenantId, this.connection.mailboxId);
        if (!current || this.#stopped) return;
        const result = await syncMailbox(imapConnector(client), current, this.#deps, {
          backlogBatch: this.#options.backlogBatch,
          backlogPauseMs: this.#options.backlogPauseMs,
        });
        this.#options.onSynced?.(this.connection.mailboxId, result);
      } while (this.#syncAgain && !this.#stopped);
    } catch (error) {
      this.#deps.log.warn(
        { tenantId: this.connection.tenantId, mailboxId: this.connection.mailboxId, err: errorMessage(error) },
        'sync failed',
      );
      // A broken connection ends the wait above; the reconnect syncs again from the cursor.
      if (client.usable) setTimeout(() => this.requestSync(), 1000).unref();
    } finally {
      this.#syncing = false;
    }
  }

  async #markHealthy(): Promise<void> {
    if (this.#status !== 'error') return;
    await this.#deps.mailboxes.setStatus(this.connection.tenantId, this.connection.mailboxId, 'active').catch(() => {});
    this.#status = 'active';
  }

  async #markError(message: string): Promise<void> {
    await this.#deps.mailboxes.recordError(this.connection.tenantId, this.connection.mailboxId, message).catch(() => {});
    this.#status = 'error';
  }
}
