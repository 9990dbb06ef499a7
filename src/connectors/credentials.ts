import type { MailboxConnection } from '../storage/mailbox-connections.ts';
import { ConnectorError } from './errors.ts';
import type { ImapLogin } from './imap/client.ts';
import { accessTokenFor } from './oauth2-token-source.ts';
import { openSecret, sealSecret } from './secret-box.ts';

/** What a sealed secret holds: a password, a fixed access token, or an OAuth2 refresh grant's secrets. */
export type MailboxSecret = { password: string } | { accessToken: string } | { refreshToken: string; clientSecret?: string };

/** The sealed text is bound to the tenant and mailbox it belongs to. */
function boundTo(tenantId: string, mailboxId: string): string {
  return `mailbox:${tenantId}:${mailboxId}`;
}

export function sealMailboxSecret(key: Buffer, tenantId: string, mailboxId: string, secret: MailboxSecret): string {
  return sealSecret(key, JSON.stringify(secret), boundTo(tenantId, mailboxId));
}

/** Opens the connection's secret and turns it into an IMAP login (refreshing an OAuth2 token when needed). */
export async function loginFor(key: Buffer, connection: MailboxConnection, fetchImpl: typeof fetch = fetch): Promise<ImapLogin> {
  const secret = JSON.parse(openSecret(key, connection.sealedSecret, boundTo(connection.tenantId, connection.mailboxId))) as MailboxSecret;
  if ('password' in secret) return { kind: 'password', password: secret.password };
  if ('accessToken' in secret) return { kind: 'oauth2', accessToken: secret.accessToken };
  const { tokenUrl, clientId, scope } = connection.oauth;
  if (!tokenUrl || !clientId) throw new ConnectorError('CONNECTOR_AUTH_FAILED', 'OAuth2 mailbox without a token URL and client id');
  const accessToken = await accessTokenFor(
    { tokenUrl, clientId, scope, refreshToken: secret.refreshToken, clientSecret: secret.clientSecret },
    fetchImpl,
  );
  return { kind: 'oauth2', accessToken };
}
