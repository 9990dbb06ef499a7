import type { MailboxConnection } from '../storage/mailbox-connections.ts';
import type { MailboxConnector } from './connector.ts';
import type { ImapLogin } from './imap/client.ts';
import { openImapClient } from './imap/client.ts';
import { imapConnector } from './imap/imap-connector.ts';

/**
 * Connections for actions, one per mailbox, opened on first use and kept (a phishing wave acts
 * on the same mailboxes again and again). Separate from the watcher's connection, which sits in
 * IDLE, and usable from any worker process. A broken connection is dropped and opened again once.
 */
export class ConnectorPool {
  readonly #login: (connection: MailboxConnection) => Promise<ImapLogin>;
  readonly #open = new Map<string, Promise<{ connector: MailboxConnector; usable: () => boolean }>>();

  constructor(login: (connection: MailboxConnection) => Promise<ImapLogin>) {
    this.#login = login;
  }

  async use<T>(connection: MailboxConnection, work: (connector: MailboxConnector) => Promise<T>): Promise<T> {
    const entry = await this.#get(connection);
    if (!entry.usable()) {
      this.#open.delete(connection.mailboxId);
      return work((await this.#get(connection)).connector);
    }
    return work(entry.connector);
  }

  async #get(connection: MailboxConnection) {
    let pending = this.#open.get(connection.mailboxId);
    if (!pending) {
      pending = (async () => {
        const client = await openImapClient(connection, await this.#login(connection), { idle: false });
        return { connector: imapConnector(client), usable: () => client.usable };
      })();
      this.#open.set(connection.mailboxId, pending);
      pending.catch(() => this.#open.delete(connection.mailboxId));
    }
    return pending;
  }

  /** Drops a mailbox's connection (its settings changed, or it was removed). */
  async forget(mailboxId: string): Promise<void> {
    const pending = this.#open.get(mailboxId);
    this.#open.delete(mailboxId);
    await (await pending?.catch(() => null))?.connector.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((id) => this.forget(id)));
  }
}
