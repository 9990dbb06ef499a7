/**
 * The authentication verdicts the receiving provider already stamped on a delivered message
 * (RFC 8601 Authentication-Results), separated from look-alikes the sender wrote.
 *
 * Trusted: fields inside the trusted region (see `trust-boundary.ts`) whose authserv-id
 * matches `settings.trustedAuthservIds`. Inside the region, fields without an authserv-id
 * are the provider's too: Microsoft 365 writes its Authentication-Results and
 * X-MS-Exchange-Authentication-Results that way. ARC-Authentication-Results count only with
 * a trusted id, since every Microsoft 365 tenant seals with the same `mx.microsoft.com`.
 * With no Received trail to the provider, only fields above every Received field count.
 *
 * Forged: an Authentication-Results field below the region that claims a trusted id. The
 * provider could not have written it there, unless the message passed through the provider
 * before (forwarding); such an earlier stamp sits next to a Received field by a trusted host,
 * and is left alone.
 */
import type { HeaderField } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { type AuthResultEntry, type ParsedAuthResults, parseAuthResults } from './auth-results-parse.ts';
import { authTrustBoundary, matchesTrusted, parseHop, type TrustBoundary } from './trust-boundary.ts';

export interface ProviderStamp {
  /** Lower-cased field name. */
  field: string;
  index: number;
  parsed: ParsedAuthResults;
}

export interface ProviderAuth {
  /** The trusted server's stamps, best source first: Authentication-Results, X-MS-Exchange-, ARC- (highest i first). */
  stamps: ProviderStamp[];
  /** Fields claiming a trusted authserv-id where the trusted server could not have written them. */
  forged: ProviderStamp[];
}

const SOURCE_ORDER = ['authentication-results', 'x-ms-exchange-authentication-results', 'arc-authentication-results'];

function parseField(field: HeaderField, index: number): ProviderStamp | undefined {
  if (!SOURCE_ORDER.includes(field.key)) return undefined;
  return { field: field.key, index, parsed: parseAuthResults(field.value, { arc: field.key === 'arc-authentication-results' }) };
}

function isTrustedStamp(stamp: ProviderStamp, patterns: readonly string[], positional: boolean): boolean {
  const id = stamp.parsed.authservId;
  if (id === '') return positional && stamp.field !== 'arc-authentication-results';
  return matchesTrusted(id, patterns);
}

/** Is there a Received field by a trusted host right around `index`, below the region (an earlier pass through the provider)? */
function besideTrustedHop(headers: HeaderField[], index: number, regionEnd: number, patterns: readonly string[]): boolean {
  const nearest = (step: 1 | -1) => {
    for (let i = index + step; i > regionEnd && i < headers.length; i += step) {
      if (headers[i].key === 'received') return matchesTrusted(parseHop(headers[i].value, i).byHost, patterns);
    }
    return false;
  };
  return nearest(-1) || nearest(1);
}

/** Pure reading of the provider's stamps from the header fields (top-down order). */
export function readProviderAuth(headers: HeaderField[], patterns: readonly string[], boundary: TrustBoundary | undefined): ProviderAuth {
  if (patterns.length === 0) return { stamps: [], forged: [] };
  const firstReceived = headers.findIndex((h) => h.key === 'received');
  const regionEnd = boundary ? boundary.regionEnd : (firstReceived === -1 ? headers.length : firstReceived) - 1;
  const stamps: ProviderStamp[] = [];
  const forged: ProviderStamp[] = [];
  headers.forEach((field, index) => {
    const stamp = parseField(field, index);
    if (!stamp) return;
    if (index <= regionEnd) {
      if (isTrustedStamp(stamp, patterns, boundary !== undefined)) stamps.push(stamp);
    } else if (
      boundary &&
      stamp.field === 'authentication-results' &&
      isTrustedStamp(stamp, patterns, false) &&
      !besideTrustedHop(headers, index, regionEnd, patterns)
    ) {
      forged.push(stamp);
    }
  });
  const rank = (s: ProviderStamp) => SOURCE_ORDER.indexOf(s.field);
  stamps.sort((a, b) => rank(a) - rank(b) || (b.parsed.instance ?? 0) - (a.parsed.instance ?? 0) || a.index - b.index);
  return { stamps, forged };
}

/** The provider's stamps for this message, computed once per scan. */
export function providerAuth(ctx: ScanContext): ProviderAuth {
  return ctx.feature('auth.provider', (c) => readProviderAuth(c.message.headers, c.settings.trustedAuthservIds, authTrustBoundary(c)));
}

/** The provider's verdict for one method: from the best stamp that reports it. */
export function providerResults(auth: ProviderAuth, method: string): { stamp: ProviderStamp; entries: AuthResultEntry[] } | undefined {
  for (const stamp of auth.stamps) {
    const entries = stamp.parsed.results.filter((r) => r.method === method);
    if (entries.length > 0) return { stamp, entries };
  }
  return undefined;
}

/** Short evidence line for a stamp result: `mx.google.com: dmarc=fail (p=REJECT) header.from=example.com`. */
export function describeEntry(stamp: ProviderStamp, entry: AuthResultEntry): string {
  const who = stamp.parsed.authservId || (stamp.field === 'authentication-results' ? 'provider' : stamp.field);
  const comment = entry.comments[0] ? ` (${entry.comments[0]})` : '';
  const props = ['header.from', 'header.d', 'header.i', 'smtp.mailfrom', 'action']
    .filter((k) => entry.props[k])
    .map((k) => `${k}=${entry.props[k]}`)
    .join(' ');
  const reason = entry.reason ? ` reason=${entry.reason}` : '';
  return `${who}: ${entry.method}=${entry.result}${comment}${reason}${props ? ` ${props}` : ''}`;
}
