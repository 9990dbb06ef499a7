import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { errorMessage } from '../core/errors.ts';
import { handleReportMail } from '../reports/report-mailbox.ts';
import type { ServiceDeps } from '../service/deps.ts';
import { ingestRawMessage } from '../service/ingest.ts';

/**
 * The SMTP journal receiver: the mail system sends Mailward a copy of every message (Exchange
 * journaling, Google Workspace compliance copies, a Postfix `always_bcc`). The recipient domain
 * says which tenant the copy belongs to.
 *
 * Replies, and why:
 * - 550 5.1.1 at RCPT for a domain no tenant has: permanent, the copy is misrouted.
 * - 552 5.2.2 for a message over the size limit (at MAIL FROM when SIZE is declared, else after DATA).
 * - 451 4.3.0 when storing fails: temporary, the sender keeps the copy and retries.
 * - 250 only after every tenant's copy is durably stored and its scan enqueued: a copy we
 *   acknowledge is never lost. Bytes that are not valid MIME are accepted and stored all the same;
 *   the scan reports them as unscannable.
 *
 * Mail to the configured report address (`reports.address`) is not a journal copy: it is a user
 * forwarding a suspicious message as an attachment, handed to the report mailbox (triage and an
 * answer to the user) instead of being stored as the tenant's mail.
 *
 * No AUTH and no STARTTLS: bind it to a private address (the default is 127.0.0.1) and put TLS in
 * front if the journal crosses a network you do not trust.
 */
export interface SmtpJournalOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
}

export interface SmtpJournalServer {
  /** `host:port` actually bound (port 0 picks a free one). */
  address: { host: string; port: number };
  /** Stops accepting connections, waits for messages being stored, closes the rest. */
  close(): Promise<void>;
}

const DOMAIN_CACHE_MS = 10_000;

function smtpError(code: number, message: string): Error {
  const error = new Error(message) as Error & { responseCode: number };
  error.responseCode = code;
  return error;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0
    ? address
        .slice(at + 1)
        .toLowerCase()
        .replace(/\.$/, '')
    : '';
}

export async function startSmtpJournal(deps: ServiceDeps, options: SmtpJournalOptions): Promise<SmtpJournalServer> {
  const log = deps.log.child({ component: 'smtp-journal' });
  const tenants = new Map<string, { tenantId: string | null; at: number }>();
  const inFlight = new Set<Promise<unknown>>();
  // Optional chaining: deps built for tests may carry a partial configuration.
  const reportAddress = deps.config.reports?.address?.toLowerCase() ?? null;
  const isReportAddress = (address: string) => reportAddress !== null && address.toLowerCase() === reportAddress;

  async function tenantOf(domain: string): Promise<string | null> {
    const cached = tenants.get(domain);
    if (cached && Date.now() - cached.at < DOMAIN_CACHE_MS) return cached.tenantId;
    const tenant = domain ? await deps.repos.tenants.findByDomain(domain) : null;
    tenants.set(domain, { tenantId: tenant?.id ?? null, at: Date.now() });
    return tenant?.id ?? null;
  }

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= options.maxMessageBytes) chunks.push(chunk);
    }
    if (stream.sizeExceeded || size > options.maxMessageBytes) {
      log.info({ bytes: size, limit: options.maxMessageBytes }, 'message refused: over the size limit');
      throw smtpError(552, `message exceeds fixed maximum message size ${options.maxMessageBytes}`);
    }
    const raw = Buffer.concat(chunks, size);
    if (session.envelope.rcptTo.some((rcpt) => isReportAddress(rcpt.address))) {
      try {
        await handleReportMail(deps, raw);
      } catch (error) {
        log.error({ err: errorMessage(error), bytes: size }, 'could not handle a report; asked the sender to retry');
        throw smtpError(451, 'temporary failure handling the report, try again later');
      }
    }
    const byTenant = new Map<string, string[]>();
    for (const rcpt of session.envelope.rcptTo) {
      if (isReportAddress(rcpt.address)) continue;
      const tenantId = await tenantOf(domainOf(rcpt.address));
      if (tenantId) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), rcpt.address]);
    }
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    try {
      const stored = await Promise.all(
        [...byTenant].map(([tenantId, rcptTo]) =>
          ingestRawMessage(deps, {
            tenantId,
            raw,
            source: 'smtp-journal',
            envelope: { mailFrom, rcptTo, clientIp: session.remoteAddress, helo: session.hostNameAppearsAs },
          }),
        ),
      );
      return stored.length > 0 ? `OK: stored ${stored.map((s) => s.messageId).join(' ')}` : 'OK: report received';
    } catch (error) {
      log.error({ err: errorMessage(error), bytes: size }, 'could not store a journal message; asked the sender to retry');
      throw smtpError(451, 'temporary failure storing the message, try again later');
    }
  }

  const server = new SMTPServer({
    name: 'mailward',
    banner: 'Mailward journal receiver',
    size: options.maxMessageBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideENHANCEDSTATUSCODES: false,
    logger: false,
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      if (isReportAddress(address.address)) {
        callback();
        return;
      }
      const domain = domainOf(address.address);
      tenantOf(domain).then(
        (tenantId) =>
          callback(
            tenantId
              ? null
              : smtpError(
                  550,
                  `<${address.address}>: no Mailward tenant receives mail for ${domain || 'this address'}; add the domain to a tenant`,
                ),
          ),
        (error: unknown) => {
          log.error({ err: errorMessage(error) }, 'tenant lookup failed');
          callback(smtpError(451, 'temporary failure looking up the recipient, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const work = receive(stream, session).then(
        (reply) => callback(null, reply),
        (error: Error) => callback(error),
      );
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
  });
  server.on('error', (error) => log.error({ err: errorMessage(error) }, 'SMTP server error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const bound = server.server.address() as AddressInfo;
  return {
    address: { host: options.host, port: bound.port },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}
