import { ImapFlow } from 'imapflow';
import { ConnectorError } from '../errors.ts';

/** What the IMAP client needs to log in; the password or token comes from the sealed secret at connect time. */
export interface ImapEndpoint {
  host: string;
  port: number;
  tls: boolean;
  username: string;
}

export type ImapLogin = { kind: 'password'; password: string } | { kind: 'oauth2'; accessToken: string };

export interface OpenImapOptions {
  /** Start IDLE this soon after the last command (the watcher wants pushes at once; actions do not idle). */
  idle?: boolean;
  connectTimeoutMs?: number;
}

/**
 * Opens and logs in one IMAP connection (imapflow: IDLE, CONDSTORE/QRESYNC, UIDPLUS, MOVE,
 * XOAUTH2). The client's own logger stays off: its debug lines would carry message data.
 * A refused login becomes `CONNECTOR_AUTH_FAILED`, a network failure `CONNECTOR_UNREACHABLE`.
 */
export async function openImapClient(endpoint: ImapEndpoint, login: ImapLogin, options: OpenImapOptions = {}): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls,
    // Plain IMAP on a private port (tests, a local relay) must not try STARTTLS it cannot complete.
    doSTARTTLS: endpoint.tls ? undefined : false,
    auth:
      login.kind === 'password'
        ? { user: endpoint.username, pass: login.password }
        : { user: endpoint.username, accessToken: login.accessToken },
    logger: false,
    disableAutoIdle: !options.idle,
    autoIdleDelay: options.idle ? 200 : undefined,
    connectionTimeout: options.connectTimeoutMs ?? 15_000,
    greetingTimeout: options.connectTimeoutMs ?? 15_000,
    qresync: true,
  });
  // imapflow reports socket errors as events; without a listener they would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw toConnectorError(error, endpoint);
  }
  return client;
}

export function toConnectorError(error: unknown, endpoint: ImapEndpoint): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e = error as { authenticationFailed?: boolean; code?: string; responseText?: string; message?: string };
  if (e.authenticationFailed) {
    return new ConnectorError('CONNECTOR_AUTH_FAILED', `IMAP login refused for ${endpoint.username} at ${endpoint.host}:${endpoint.port}`, {
      cause: error,
    });
  }
  if (
    e.code &&
    /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|EAI_AGAIN|CONNECT_TIMEOUT|GREETING_TIMEOUT|NoConnection)$/.test(e.code)
  ) {
    return new ConnectorError('CONNECTOR_UNREACHABLE', `cannot reach ${endpoint.host}:${endpoint.port} (${e.code})`, { cause: error });
  }
  return new ConnectorError('CONNECTOR_FAILED', `IMAP: ${e.responseText ?? e.message ?? String(error)}`, { cause: error });
}
