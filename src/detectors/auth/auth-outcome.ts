/**
 * Our own SPF, DKIM, DMARC and ARC evaluation of the message, with mailauth (`mailauth-steps.ts`),
 * computed once per scan (`ctx.feature('auth.outcome')`, the Promise is cached) and read by
 * the `auth.*` detectors.
 *
 * - DNS goes through `ctx.dns` only: a fixed zone in tests, nothing at all offline.
 * - DNS trouble is a temperror, never a failure: an offline scan of legitimate mail must not
 *   look like an authentication failure. mailauth reports an ARC chain whose key lookup failed
 *   as `fail`; the DNS errors recorded here turn that back into a temperror.
 * - The SMTP client: the envelope's, else the connection into the trusted receiving server
 *   (`trust-boundary.ts`). With neither, SPF is not evaluated, which is not a failure, and a
 *   DMARC fail that an SPF pass could have prevented is `unverified`, not `fail`.
 */
import type { DNSResolver } from 'mailauth';
import { getDomain } from 'tldts';
import { errorMessage, MailwardError } from '../../core/errors.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { type AuthOptions, type AuthResult, authenticateMessage } from './mailauth-steps.ts';
import { authTrustBoundary } from './trust-boundary.ts';

export type SpfOutcome =
  | { evaluated: false; reason: string }
  | {
      evaluated: true;
      /** pass | fail | softfail | neutral | none | permerror | temperror */
      result: string;
      domain: string;
      identity: 'mailfrom' | 'helo';
      clientIp: string;
      ipSource: 'envelope' | 'received';
      comment: string;
    };

export interface DkimSignatureOutcome {
  domain: string;
  selector: string;
  /** pass | fail | neutral | policy | temperror (mailauth's lenient mode) */
  result: string;
  comment: string;
  /** The body was changed after signing. Known without DNS: the hash is computed locally. */
  bodyHashMismatch: boolean;
  /** The signing domain aligns with the From domain (relaxed). */
  aligned: boolean;
}

export interface DmarcOutcome {
  /**
   * pass | fail | none | temperror | permerror, or
   * `skipped` (no single author domain) and `unverified` (failed, but SPF could not be checked and might have passed).
   */
  result: string;
  fromDomain: string;
  /** The policy the domain asks for, after sp/np/t=y: what a failure should weigh. */
  policy?: 'reject' | 'quarantine' | 'none';
  note: string;
}

export interface ArcOutcome {
  /** none | pass | fail | temperror */
  result: string;
  instance: number;
  comment: string;
}

export interface AuthOutcome {
  spf: SpfOutcome;
  dkim: DkimSignatureOutcome[];
  dmarc: DmarcOutcome;
  arc: ArcOutcome;
  /** DNS lookups that failed for a reason other than "no such record", e.g. `TXT _dmarc.example.com: ECONNREFUSED`. */
  dnsErrors: string[];
  /** Set when mailauth could not evaluate the message at all. */
  error?: string;
}

/** Auth detectors wait on DNS; give them more than the default budget. */
export const AUTH_TIMEOUT_MS = 6000;
const SPF_BUDGET_MS = 4000;
const DEFINITE_ANSWERS = new Set(['ENOTFOUND', 'ENODATA']);

interface Client {
  ip: string;
  helo?: string;
  source: 'envelope' | 'received';
}

function clientFor(ctx: ScanContext): { client?: Client; sender?: string; noClientReason: string } {
  const envelope = ctx.envelope;
  const returnPath = ctx.message.returnPath || undefined;
  if (envelope.clientIp) {
    return {
      client: { ip: envelope.clientIp, helo: envelope.helo, source: 'envelope' },
      sender: envelope.mailFrom ?? returnPath,
      noClientReason: '',
    };
  }
  const boundary = authTrustBoundary(ctx);
  const sender = envelope.mailFrom ?? boundary?.client?.envelopeFrom ?? returnPath;
  if (boundary?.client)
    return { client: { ip: boundary.client.ip, helo: boundary.client.helo || undefined, source: 'received' }, sender, noClientReason: '' };
  const noClientReason =
    ctx.settings.trustedAuthservIds.length === 0
      ? 'no client IP in the envelope and no trusted receiving server configured'
      : 'no client IP in the envelope and no Received field of a trusted server names it';
  return { sender, noClientReason };
}

function orgDomain(domain: string): string {
  const name = domain.toLowerCase().replace(/\.$/, '');
  return getDomain(name, { allowPrivateDomains: false }) ?? name;
}

export function relaxedAligned(a: string, b: string): boolean {
  return Boolean(a && b) && orgDomain(a) === orgDomain(b);
}

/** Strip an mbox `From ` separator line, as the MIME parser does. */
function messageBuffer(raw: Uint8Array): Buffer {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes.subarray(0, 5).toString('latin1') !== 'From ') return bytes;
  const newline = bytes.indexOf(0x0a);
  return newline === -1 ? bytes : bytes.subarray(newline + 1);
}

function dmarcOutcome(
  result: AuthResult,
  fromDomain: string,
  spf: SpfOutcome,
  spfDomain: string,
  dkim: DkimSignatureOutcome[],
): DmarcOutcome {
  const dmarc = result.dmarc;
  if (!dmarc) return { result: 'skipped', fromDomain, note: result.dmarcSkipReason ?? 'no author domain' };
  const policy = ['reject', 'quarantine', 'none'].includes(dmarc.policy) ? (dmarc.policy as DmarcOutcome['policy']) : undefined;
  const outcome: DmarcOutcome = {
    result: dmarc.status.result,
    fromDomain: dmarc.status.header?.from ?? fromDomain,
    policy,
    note: dmarc.error ?? '',
  };
  if (outcome.result !== 'fail') return outcome;

  // A fail is only a fail when no check that could have passed was left undone.
  const spfCouldAlign = spfDomain === '' || relaxedAligned(spfDomain, outcome.fromDomain);
  const spfUnknown = !spf.evaluated || spf.result === 'temperror';
  const dkimUnknown = dkim.some((s) => s.result === 'temperror' && relaxedAligned(s.domain, outcome.fromDomain));
  if (dkimUnknown || (spfUnknown && spfCouldAlign && spf.evaluated)) {
    return { ...outcome, result: 'temperror', note: 'an aligned SPF or DKIM check could not reach DNS' };
  }
  if (spfUnknown && spfCouldAlign) {
    return { ...outcome, result: 'unverified', note: 'SPF was not evaluated (client IP unknown) and might have passed' };
  }
  return outcome;
}

async function evaluate(ctx: ScanContext): Promise<AuthOutcome> {
  const dnsErrors: string[] = [];
  const resolver = async (name: string, rrtype: string) => {
    try {
      return await ctx.dns(name, rrtype);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
      if (!DEFINITE_ANSWERS.has(code) && dnsErrors.length < 20) dnsErrors.push(`${rrtype} ${name}: ${code}`);
      throw error;
    }
  };
  const { client, sender, noClientReason } = clientFor(ctx);
  const fromDomain = ctx.message.from?.domain ?? '';
  const options: AuthOptions = {
    resolver: resolver as DNSResolver,
    ip: client?.ip,
    helo: client?.helo,
    sender,
    mta: 'mailward',
    disableBimi: true,
    maxElapsedTime: SPF_BUDGET_MS,
  };
  try {
    const result = await authenticateMessage(messageBuffer(ctx.raw), options);
    const spf: SpfOutcome =
      client && result.spf
        ? {
            evaluated: true,
            result: result.spf.status.result,
            domain: result.spf.domain ?? '',
            identity: sender ? 'mailfrom' : 'helo',
            clientIp: client.ip,
            ipSource: client.source,
            comment: result.spf.status.comment ?? '',
          }
        : { evaluated: false, reason: noClientReason };
    const dkim: DkimSignatureOutcome[] = result.dkim.results
      .filter((r) => r.signingDomain)
      .map((r) => ({
        domain: (r.signingDomain ?? '').toLowerCase(),
        selector: r.selector ?? '',
        result: r.status.result,
        comment: r.status.comment ?? '',
        bodyHashMismatch: r.status.comment === 'body hash did not verify',
        aligned: relaxedAligned(r.signingDomain ?? '', fromDomain),
      }));
    const spfDomain = (sender ? sender.split('@').pop() : client?.helo)?.toLowerCase() ?? '';
    const arc = result.arc;
    let arcOutcome: ArcOutcome = { result: 'none', instance: 0, comment: '' };
    if (arc) {
      const comment = arc.status.comment ?? '';
      const dnsFailed = (arc.signature && arc.signature.status.result === 'temperror') || (comment === '' && dnsErrors.length > 0);
      arcOutcome = {
        result: arc.status.result === 'fail' && dnsFailed ? 'temperror' : arc.status.result,
        instance: Number(arc.i) || 0,
        comment,
      };
    }
    return { spf, dkim, dmarc: dmarcOutcome(result, fromDomain, spf, spfDomain, dkim), arc: arcOutcome, dnsErrors };
  } catch (error) {
    return {
      spf: { evaluated: false, reason: 'message could not be authenticated' },
      dkim: [],
      dmarc: { result: 'skipped', fromDomain, note: 'message could not be authenticated' },
      arc: { result: 'none', instance: 0, comment: '' },
      dnsErrors,
      error: errorMessage(error),
    };
  }
}

/** The shared evaluation for this message (started on first use, then cached). */
export function authOutcome(ctx: ScanContext): Promise<AuthOutcome> {
  return ctx.feature('auth.outcome', evaluate);
}

/** Wait for the shared evaluation, giving up when this detector's `abort` fires. */
export async function awaitAuthOutcome(ctx: ScanContext, abort: AbortSignal): Promise<AuthOutcome> {
  const pending = authOutcome(ctx);
  abort.throwIfAborted();
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abort.reason);
    abort.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([pending, aborted]);
    if (outcome.error) throw new MailwardError('DETECTOR_FAILED', `authentication could not be evaluated: ${outcome.error}`);
    return outcome;
  } finally {
    abort.removeEventListener('abort', onAbort);
  }
}

/** The error a detector throws when its check could not reach DNS: recorded as a temperror, never a failure. */
export function dnsTemperror(check: string, outcome: AuthOutcome): MailwardError {
  const detail = outcome.dnsErrors[0] ?? 'lookup failed';
  return new MailwardError('DNS_TEMPERROR', `${check} could not be evaluated: DNS unavailable (${detail})`);
}
