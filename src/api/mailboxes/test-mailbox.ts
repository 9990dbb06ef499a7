import { loginFor } from '../../connectors/credentials.ts';
import { ConnectorError } from '../../connectors/errors.ts';
import { openImapClient, toConnectorError } from '../../connectors/imap/client.ts';
import { secretKeyFrom } from '../../connectors/secret-box.ts';
import { errorMessage } from '../../core/errors.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import type { MailboxConnection } from '../../storage/mailbox-connections.ts';

/**
 * Logs in to the mailbox now and opens its inbox. A failure marks the mailbox `error` with the
 * reason (what the watchers would find too); a success clears an earlier error.
 */
export async function testMailboxConnection(
  deps: Pick<ServiceDeps, 'repos'>,
  connection: MailboxConnection,
  env: Record<string, string | undefined> = process.env,
): Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }> {
  const { tenantId, mailboxId } = connection;
  try {
    const client = await openImapClient(connection, await loginFor(secretKeyFrom(env), connection), { connectTimeoutMs: 10_000 });
    try {
      await client.mailboxOpen(connection.inboxFolder, { readOnly: true });
    } finally {
      await client.logout().catch(() => client.close());
    }
  } catch (error) {
    const failure = error instanceof ConnectorError ? error : toConnectorError(error, connection);
    const message = `${failure.code}: ${errorMessage(failure)}`;
    if (failure.code !== 'CONNECTOR_SECRET_KEY_MISSING') await deps.repos.mailboxes.recordError(tenantId, mailboxId, message);
    return { ok: false, error: { code: failure.code, message: errorMessage(failure) } };
  }
  const mailbox = await deps.repos.mailboxes.get(tenantId, mailboxId);
  if (mailbox?.status === 'error') await deps.repos.mailboxes.setStatus(tenantId, mailboxId, 'active');
  return { ok: true };
}
