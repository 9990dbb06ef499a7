/**
 * mailauth's `authenticate` (lenient mode, no sealing, no BIMI, no trustReceived), taken apart
 * into its own steps so that the message is read once, in one piece.
 *
 * `authenticate` writes the message into its DKIM verifier as a stream: 64 KiB chunks, each on
 * a later turn of the event loop, every byte of the header section tested one at a time and the
 * stream split at every bare LF. That cost as much as the rest of a scan. Here the header section
 * is found and parsed once, the body (line endings made CRLF, exactly as mailauth's parser does)
 * goes to the verifier's body hashes in a single chunk, and only when a signature needs it.
 * The verifier, SPF, ARC and DMARC steps are mailauth's own, called in the order and with the
 * arguments `authenticate` uses, so the results are the same.
 */
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { type AuthenticateOptions, arc, authenticate, spf } from 'mailauth';

export type AuthResult = Awaited<ReturnType<typeof authenticate>>;
type DkimResults = AuthResult['dkim']['results'];

const require = createRequire(import.meta.url);
interface Verifier {
  messageHeaders(headers: unknown): Promise<void>;
  nextChunk(chunk: Buffer): Promise<void>;
  finalChunk(): Promise<void>;
  headerFrom: string[];
  fromFields: number;
  results: DkimResults;
  arc: unknown;
  /** One hasher per canonicalisation the signatures ask for. */
  bodyHashes: Map<string, unknown>;
}
const { DkimVerifier } = require('mailauth/lib/dkim/dkim-verifier.js') as {
  DkimVerifier: new (options: { resolver: unknown; sender?: string; strict: boolean }) => Verifier;
};
const { parseHeaders } = require('mailauth/lib/tools.js') as { parseHeaders: (header: Buffer) => unknown };
const { evaluateDmarc } = require('mailauth/lib/dmarc/index.js') as {
  evaluateDmarc: (input: Record<string, unknown>) => Promise<{ response?: AuthResult['dmarc']; reason?: AuthResult['dmarcSkipReason'] }>;
};

export type AuthOptions = AuthenticateOptions & { maxElapsedTime: number };

/** SPF, DKIM, ARC and DMARC for one message (without an mbox `From ` line), as `authenticate` reports them. */
export async function authenticateMessage(message: Buffer, opts: AuthOptions): Promise<AuthResult> {
  const end = headerEnd(message);
  // A message with no empty line, or one that starts with it, is rare: mailauth's own stream handles those edge cases.
  if (end === -1) return authenticate(message, opts);
  const header = withCrlf(message.toString('latin1', 0, end));
  const verifier = new DkimVerifier({ resolver: opts.resolver, sender: opts.sender, strict: false });
  await verifier.messageHeaders(parseHeaders(Buffer.from(header, 'latin1')));
  // Only a signature (DKIM-Signature or ARC-Message-Signature) registers a body hash; without one the body is not read.
  if (verifier.bodyHashes.size > 0 && end < message.length) {
    await verifier.nextChunk(Buffer.from(withCrlf(message.toString('latin1', end)), 'latin1'));
  }
  await verifier.finalChunk();

  let helo = opts.helo;
  if (!helo && opts.ip) helo = opts.ip;
  if (helo && isIP(helo)) helo = `[${helo}]`;
  const spfResult = await spf({ ...opts, helo, strict: false } as Parameters<typeof spf>[0]);
  const arcResult = await arc(
    verifier.arc as Parameters<typeof arc>[0],
    { resolver: opts.resolver, strict: false, ip: opts.ip } as Parameters<typeof arc>[1],
  );
  const { response, reason } = await evaluateDmarc({
    headerFrom: verifier.headerFrom,
    fromFields: verifier.fromFields,
    spfDomains: ([] as string[]).concat((spfResult && spfResult.status.result === 'pass' && spfResult.domain) || []),
    dkimDomains: verifier.results
      .filter((r) => r.status.result === 'pass')
      .map((r) => ({ id: r.id, domain: r.signingDomain, aligned: r.status.aligned, underSized: r.status.underSized })),
    arcResult,
    resolver: opts.resolver,
    strict: false,
  });
  const result = {
    dkim: { headerFrom: verifier.headerFrom, results: verifier.results },
    spf: spfResult,
    dmarc: response || false,
    arc: arcResult || false,
  } as unknown as AuthResult;
  if (!response && reason) result.dmarcSkipReason = reason;
  return result;
}

/**
 * Every bare LF made CRLF, as mailauth's parser does before it reads anything. The header
 * section ends with an LF, so an LF at the start of the body is bare too, as the lookbehind sees it.
 */
function withCrlf(text: string): string {
  return text.replace(/(?<!\r)\n/g, '\r\n');
}

/** Offset just past the first empty line (bare LF or CRLF), as mailauth's parser finds it; -1 when there is none. */
function headerEnd(message: Buffer): number {
  if (message[0] === 0x0a || (message[0] === 0x0d && message[1] === 0x0a)) return -1;
  const lf = message.indexOf('\n\n', 0, 'latin1');
  const crlf = message.indexOf('\n\r\n', 0, 'latin1');
  if (lf === -1 && crlf === -1) return -1;
  if (crlf === -1 || (lf !== -1 && lf < crlf)) return lf + 2;
  return crlf + 3;
}
