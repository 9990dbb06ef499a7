import { errorMessage } from '../../core/errors.ts';
import { parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';

export const MAILBOX_HELP = `Usage: mailward mailbox <add|list|remove|test|pull-back> [arguments] [options]

Protects mailboxes over IMAP through a running Mailward service (the API's /mailboxes routes).
Credentials are sent once, stored encrypted with the service's MAILWARD_SECRET_KEY and never
shown again; they are read from an environment variable or standard input, never from the
command line (where other users of the machine could see them).

  mailward mailbox add ADDRESS --host HOST [options]   connect a mailbox
  mailward mailbox list                                mailboxes, status and last error
  mailward mailbox test ID|ADDRESS                     log in now; shows the error, if any
  mailward mailbox remove ID|ADDRESS                   stop protecting it (credentials deleted)
  mailward mailbox pull-back MESSAGE_ID                remediate every copy of a message

Options of add:
  --host HOST                 IMAP server (outlook.office365.com, imap.gmail.com, ...)
  --port N                    default 993
  --plain                     no TLS (a server on a private network only)
  --username NAME             login name (default: the address)
  --password-env VAR          the password (or app password) is in this environment variable
  --password-stdin            read the password from standard input
  --access-token-env VAR      a fixed OAuth2 access token (XOAUTH2) from this variable
  --oauth2-token-url URL      OAuth2 refresh grant: the token endpoint
  --oauth2-client-id ID       ... the application (client) id
  --oauth2-scope SCOPE        ... the scope to ask for
  --oauth2-refresh-token-env VAR    ... the refresh token, from this variable
  --oauth2-client-secret-env VAR    ... the client secret, from this variable (if the app has one)
  --quarantine-mode MODE      folder (moved to a hidden folder) or delete; default: the
                              tenant policy's quarantineMode (folder unless set)
  --quarantine-folder NAME    default "Mailward Quarantine"
  --backlog-days N            scan mail of the last N days on first connection (default 7)

Options of pull-back:
  --action ACTION             quarantine (default), junk or banner

Common options:
  --url URL                   the service (default http://127.0.0.1:8025; MAILWARD_URL)
  --api-key KEY               an admin API key (analyst for pull-back) (MAILWARD_API_KEY)
  --json                      print the API's JSON answer
  -h, --help                  this help

Exit status: 0 done, 1 the service refused or the mailbox test failed, 2 usage error.`;

const OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  host: { type: 'string' },
  port: { type: 'string' },
  plain: { type: 'boolean' },
  username: { type: 'string' },
  'password-env': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'access-token-env': { type: 'string' },
  'oauth2-token-url': { type: 'string' },
  'oauth2-client-id': { type: 'string' },
  'oauth2-scope': { type: 'string' },
  'oauth2-refresh-token-env': { type: 'string' },
  'oauth2-client-secret-env': { type: 'string' },
  'quarantine-mode': { type: 'string' },
  'quarantine-folder': { type: 'string' },
  'backlog-days': { type: 'string' },
  action: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>['values'];

interface MailboxView {
  id: string;
  address: string;
  status: string;
  lastError: string | null;
  connection: { host: string; port: number; authKind: string; quarantineMode: string | null; lastSyncAt: string | null } | null;
}

function fromEnv(variable: string, what: string): string {
  const value = process.env[variable];
  if (!value) throw new CliUsageError(`${what}: environment variable ${variable} is not set or empty`);
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliUsageError(`--${name} must be a whole number ${min}..${max}`);
  return n;
}

async function addBody(address: string, values: Values): Promise<Record<string, unknown>> {
  if (!values.host) throw new CliUsageError('mailbox add needs --host');
  const body: Record<string, unknown> = {
    address,
    host: values.host,
    port: integer(values.port, 'port', 1, 65535) ?? 993,
    tls: !values.plain,
  };
  if (values.username) body.username = values.username;
  const ways = [values['password-env'], values['password-stdin'], values['access-token-env'], values['oauth2-token-url']].filter(Boolean);
  if (ways.length !== 1) {
    throw new CliUsageError('give one of --password-env, --password-stdin, --access-token-env or --oauth2-token-url (with its options)');
  }
  if (values['password-env']) body.password = fromEnv(values['password-env'], '--password-env');
  if (values['password-stdin']) body.password = await readStdin();
  if (values['access-token-env']) body.accessToken = fromEnv(values['access-token-env'], '--access-token-env');
  if (values['oauth2-token-url']) {
    if (!values['oauth2-client-id'] || !values['oauth2-refresh-token-env']) {
      throw new CliUsageError('--oauth2-token-url needs --oauth2-client-id and --oauth2-refresh-token-env');
    }
    body.oauth2 = {
      tokenUrl: values['oauth2-token-url'],
      clientId: values['oauth2-client-id'],
      refreshToken: fromEnv(values['oauth2-refresh-token-env'], '--oauth2-refresh-token-env'),
      ...(values['oauth2-client-secret-env']
        ? { clientSecret: fromEnv(values['oauth2-client-secret-env'], '--oauth2-client-secret-env') }
        : {}),
      ...(values['oauth2-scope'] ? { scope: values['oauth2-scope'] } : {}),
    };
  }
  if (values['quarantine-mode']) {
    if (values['quarantine-mode'] !== 'folder' && values['quarantine-mode'] !== 'delete') {
      throw new CliUsageError('--quarantine-mode must be folder or delete');
    }
    body.quarantineMode = values['quarantine-mode'];
  }
  if (values['quarantine-folder']) body.quarantineFolder = values['quarantine-folder'];
  const backlog = integer(values['backlog-days'], 'backlog-days', 0, 365);
  if (backlog !== undefined) body.backlogDays = backlog;
  return body;
}

function line(m: MailboxView): string {
  const c = m.connection;
  const where = c
    ? `${c.host}:${c.port} ${c.authKind} quarantine=${c.quarantineMode ?? 'tenant'} synced=${c.lastSyncAt ?? 'never'}`
    : 'no connection';
  return `${m.id}  ${m.address}  ${m.status}  ${where}${m.lastError && m.status === 'error' ? `\n    error: ${m.lastError}` : ''}`;
}

export async function mailboxCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  const [sub, target] = positionals;
  if (values.help || !sub) {
    process.stdout.write(`${MAILBOX_HELP}\n`);
    return values.help ? 0 : 2;
  }
  const apiKey = values['api-key'] ?? process.env.MAILWARD_API_KEY;
  if (!apiKey) throw new CliUsageError('an API key is needed: --api-key KEY or MAILWARD_API_KEY (printed at the first start)');
  const base = `${(values.url ?? process.env.MAILWARD_URL ?? 'http://127.0.0.1:8025').replace(/\/+$/, '')}/api/v1`;
  const request = async (method: string, path: string, body?: unknown) => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CliUsageError(`cannot reach ${base}: ${errorMessage(error)} (is 'mailward start' running?)`);
    }
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const error = json.error as { code?: string; message?: string } | undefined;
      process.stderr.write(
        `mailward: HTTP ${response.status}: ${error?.message ?? 'request failed'}${error?.code ? ` [${error.code}]` : ''}\n`,
      );
      return null;
    }
    if (values.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return json;
  };
  const resolveId = async (idOrAddress: string | undefined): Promise<string | null> => {
    if (!idOrAddress) throw new CliUsageError(`mailbox ${sub} needs a mailbox id or address`);
    if (!idOrAddress.includes('@')) return idOrAddress;
    const list = await request('GET', '/mailboxes');
    const found = (list?.items as MailboxView[] | undefined)?.find((m) => m.address === idOrAddress.toLowerCase());
    if (!found) process.stderr.write(`mailward: no protected mailbox ${idOrAddress}\n`);
    return found?.id ?? null;
  };

  switch (sub) {
    case 'add': {
      if (!target) throw new CliUsageError('mailbox add needs the ADDRESS to protect');
      const added = (await request('POST', '/mailboxes', await addBody(target, values))) as MailboxView | null;
      if (!added) return 1;
      if (!values.json) process.stdout.write(`added ${line(added)}\n`);
      return 0;
    }
    case 'list': {
      const list = await request('GET', '/mailboxes');
      if (!list) return 1;
      if (!values.json) for (const m of list.items as MailboxView[]) process.stdout.write(`${line(m)}\n`);
      return 0;
    }
    case 'remove': {
      const id = await resolveId(target);
      if (!id) return 1;
      const removed = (await request('DELETE', `/mailboxes/${id}`)) as MailboxView | null;
      if (!removed) return 1;
      if (!values.json) process.stdout.write(`removed ${removed.address}: no longer watched, credentials deleted\n`);
      return 0;
    }
    case 'test': {
      const id = await resolveId(target);
      if (!id) return 1;
      const result = (await request('POST', `/mailboxes/${id}/test`)) as { ok: boolean; error?: { code: string; message: string } } | null;
      if (!result) return 1;
      if (!values.json)
        process.stdout.write(
          result.ok ? 'ok: logged in and opened the inbox\n' : `failed: ${result.error?.message} [${result.error?.code}]\n`,
        );
      return result.ok ? 0 : 1;
    }
    case 'pull-back': {
      if (!target) throw new CliUsageError('mailbox pull-back needs a MESSAGE_ID');
      const action = values.action ?? 'quarantine';
      if (!['quarantine', 'junk', 'banner'].includes(action)) throw new CliUsageError('--action must be quarantine, junk or banner');
      const result = (await request('POST', '/mailboxes/pull-back', { messageId: target, action })) as {
        found: number;
        planned: number;
        mailboxes: number;
      } | null;
      if (!result) return 1;
      if (!values.json) {
        process.stdout.write(
          `found ${result.found} copies in ${result.mailboxes} mailboxes; ${result.planned} ${action} actions planned\n`,
        );
      }
      return 0;
    }
    default:
      throw new CliUsageError(`unknown mailbox command '${sub}'\n\n${MAILBOX_HELP}`);
  }
}
