import { followKnownMessage } from '../actions/follow-known-message.ts';
import { ConnectorPool } from '../connectors/connector-pool.ts';
import { loginFor } from '../connectors/credentials.ts';
import { SECRET_KEY_ENV, secretKeyFrom } from '../connectors/secret-box.ts';
import { type ConnectorSupervisor, type SupervisorOptions, startConnectorSupervisor } from '../connectors/watch/connector-supervisor.ts';
import type { MailboxConnection } from '../storage/mailbox-connections.ts';
import type { ServiceDeps } from './deps.ts';
import { ingestRawMessage } from './ingest.ts';

/** The login function for a connection: opens its sealed secret with the service's key. */
export function connectionLogin(key: Buffer) {
  return (connection: MailboxConnection) => loginFor(key, connection);
}

/** The action connections, when the service has a secret key (without one no mailbox can be reached). */
export function openConnectorPool(env: Record<string, string | undefined> = process.env): ConnectorPool | undefined {
  if (!env[SECRET_KEY_ENV]) return undefined;
  return new ConnectorPool(connectionLogin(secretKeyFrom(env)));
}

/**
 * Watches every connected mailbox (IMAP IDLE plus periodic resync) and feeds each new message
 * to the ingest, which stores it and plans its scan. Without a secret key nothing is watched
 * (and the log says why, once, if any mailbox is waiting).
 */
export function startMailboxWatchers(
  deps: ServiceDeps,
  options: SupervisorOptions = {},
  env: Record<string, string | undefined> = process.env,
): ConnectorSupervisor | null {
  if (!env[SECRET_KEY_ENV]) {
    deps.log.warn(`${SECRET_KEY_ENV} is not set: connected mailboxes are not watched (credentials cannot be opened)`);
    return null;
  }
  const key = secretKeyFrom(env);
  return startConnectorSupervisor(
    {
      connections: deps.repos.connections,
      locations: deps.repos.locations,
      mailboxes: deps.repos.mailboxes,
      log: deps.log,
      clock: deps.clock,
      followKnown: (input) => followKnownMessage(deps, input),
      ingest: (input) =>
        ingestRawMessage(deps, {
          tenantId: input.tenantId,
          mailboxId: input.mailboxId,
          raw: input.raw,
          source: 'imap',
          providerMessageId: input.providerMessageId,
          onStored: input.onStored,
        }),
    },
    connectionLogin(key),
    options,
  );
}
