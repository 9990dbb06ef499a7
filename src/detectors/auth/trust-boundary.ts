/**
 * Where the trusted receiving server (the mailbox provider, named by `trustedAuthservIds`)
 * took the message in from the outside world, found from the Received trace fields.
 *
 * Everything above that point was written by the provider (or by later hops of the
 * organisation); everything below it came with the message and may be forged by the sender.
 * Both the client IP for our own SPF check and the trust given to Authentication-Results
 * stamps hang on this, so the walk is conservative: when in doubt, no boundary.
 *
 * The walk, top-down over Received fields:
 * 1. Skip hops written after the provider (no `from` clause, or from a trusted host, e.g.
 *    Gmail's top `Received: by 2002:...`). A hop from an untrusted host by an untrusted host
 *    before any trusted one means the provider is not in this path: no boundary.
 * 2. Follow the contiguous hops received `by` a trusted host, through internal hops (from a
 *    trusted host: the reverse-DNS name when recorded, else the HELO name), up to the first
 *    hop from an untrusted host.
 * 3. Shared infrastructure (one Microsoft 365 tenant relaying to another) makes "from a
 *    trusted host" ambiguous, so when the provider stated the client IP in its own stamp
 *    (`client-ip=` in Received-SPF, `sender IP is` in Microsoft's results), the top-most hop
 *    of that chain whose client IP it names wins over the structural walk.
 * 4. Without such a hop, the walk's edge is doubted, and the client left unknown, when the
 *    provider stated a different IP, or when the edge's client IP is the `by` address of the
 *    next hop down (an internal hop of the provider that the patterns do not name, e.g. a
 *    Microsoft host under `exchangelabs.com`). A wrong client IP would turn legitimate mail
 *    into an SPF failure; an unknown one only leaves SPF unevaluated.
 */
import { isIP } from 'node:net';
import { getClientAddress, parseReceived } from 'mailauth/lib/parse-received.js';
import type { HeaderField } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { parseAuthResults } from './auth-results-parse.ts';

export interface ReceivedHop {
  /** Position of the Received field in `message.headers`. */
  index: number;
  /** Lower-cased host of the (first) `by` clause. */
  byHost: string;
  /** The receiving server's own address, when it recorded one in the `by` comment. */
  byIp?: string;
  hasFrom: boolean;
  /** Lower-cased name the client gave in HELO/EHLO (the `from` clause value). */
  helo: string;
  /** Lower-cased reverse-DNS name the receiving server recorded in the from clause's comment, if any. */
  rdns: string;
  /** The connecting IP the receiving server recorded (never an address the client claimed). */
  clientIp?: string;
  envelopeFrom?: string;
}

export interface TrustBoundary {
  /** The hop where the trusted server accepted the message from outside. */
  edge: ReceivedHop;
  /** The connection into the trusted server; absent when the walk could not tell it. */
  client?: { ip: string; helo: string; envelopeFrom?: string };
  /** `provider-ip`: the edge is the hop whose client IP the provider's own stamp states. */
  via: 'provider-ip' | 'walk';
  /** Header fields at index <= regionEnd were written by the trusted server or after it. */
  regionEnd: number;
}

/** True when `id` (an authserv-id or host name) matches a pattern: exactly, or as a subdomain of `*.suffix`. */
export function matchesTrusted(id: string, patterns: readonly string[]): boolean {
  const name = id.trim().toLowerCase().replace(/\.$/, '');
  if (!name) return false;
  return patterns.some((raw) => {
    const pattern = raw.trim().toLowerCase().replace(/\.$/, '');
    if (pattern.startsWith('*.')) return pattern.length > 2 && name.endsWith(pattern.slice(1));
    return pattern !== '' && name === pattern;
  });
}

function bareIp(value: string): string | undefined {
  const ip = value.replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '');
  return isIP(ip) ? ip.toLowerCase() : undefined;
}

/**
 * The first `by` clause outside comments, with the comment right after it. Some hops carry a
 * second one (`... with MailboxResubmission by AntispamTT id ...`) that is not a host.
 */
function firstByClause(value: string): { host: string; comment: string } {
  const parts: { word?: string; comment?: string }[] = [];
  let depth = 0;
  let buffer = '';
  const flush = () => {
    if (buffer) parts.push({ word: buffer });
    buffer = '';
  };
  for (const c of value) {
    if (depth === 0 && c === ';') break; // the date follows
    if (c === '(') {
      if (depth === 0) flush();
      depth++;
      if (depth === 1) continue;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        parts.push({ comment: buffer });
        buffer = '';
        continue;
      }
    }
    if (depth === 0 && /\s/.test(c)) flush();
    else buffer += c;
  }
  flush();
  const at = parts.findIndex((part) => part.word?.toLowerCase() === 'by');
  const host = at >= 0 ? (parts[at + 1]?.word ?? '') : '';
  return { host, comment: host ? (parts[at + 2]?.comment ?? '') : '' };
}

export function parseHop(value: string, index: number): ReceivedHop {
  const parsed = parseReceived(`Received: ${value}`) || {};
  const from = parsed.from;
  const firstWord = (from?.comment ?? '').trim().split(/\s+/)[0] ?? '';
  const rdnsCandidate = firstWord.replace(/\.$/, '').toLowerCase();
  const rdns = /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(rdnsCandidate) && !isIP(rdnsCandidate) ? rdnsCandidate : '';
  // Microsoft writes the bare connecting address as the comment: `from host (192.0.2.1)`.
  const address = getClientAddress(from) || bareIp(firstWord);
  const envelopeFrom = parsed['envelope-from']?.value.replace(/[<>]/g, '').trim();
  const by = firstByClause(value);
  return {
    index,
    byHost: (by.host || parsed.by?.value || '').toLowerCase().replace(/\.$/, ''),
    byIp: bareIp(by.comment.trim().split(/\s+/)[0] ?? ''),
    hasFrom: Boolean(from?.value),
    helo: (from?.value ?? '').toLowerCase().replace(/\.$/, ''),
    rdns,
    clientIp: address ? address.toLowerCase() : undefined,
    envelopeFrom: envelopeFrom || undefined,
  };
}

function fromTrusted(hop: ReceivedHop, patterns: readonly string[]): boolean {
  return matchesTrusted(hop.rdns || hop.helo, patterns);
}

const HINT_FIELDS = new Set([
  'received-spf',
  'authentication-results',
  'x-ms-exchange-authentication-results',
  'arc-authentication-results',
]);

/** Client IPs stated in the stamp group of one hop: fields in (after, hop), and (with `tail`) right below it. */
function statedClientIps(headers: HeaderField[], after: number, hopIndex: number, tail = true): Set<string> {
  const ips = new Set<string>();
  const read = (field: HeaderField) => {
    const match =
      field.key === 'received-spf'
        ? /\bclient-ip\s*=\s*"?([0-9a-f:.]+)/i.exec(field.value)
        : /\bsender ip is\s+([0-9a-f:.]+)/i.exec(field.value);
    const ip = match ? bareIp(match[1]) : undefined;
    if (ip) ips.add(ip);
  };
  for (let i = after + 1; i < hopIndex; i++) if (HINT_FIELDS.has(headers[i].key)) read(headers[i]);
  for (let i = hopIndex + 1; tail && i < headers.length && HINT_FIELDS.has(headers[i].key); i++) read(headers[i]);
  return ips;
}

/** The trust boundary of a delivered message, or undefined when no trusted server is in its trace. */
export function findTrustBoundary(headers: HeaderField[], patterns: readonly string[]): TrustBoundary | undefined {
  if (patterns.length === 0) return undefined;
  const hops = headers.flatMap((h, index) => (h.key === 'received' ? [parseHop(h.value, index)] : []));

  let k = 0;
  for (; k < hops.length && !matchesTrusted(hops[k].byHost, patterns); k++) {
    if (hops[k].hasFrom && !fromTrusted(hops[k], patterns)) return undefined;
  }
  const chain: ReceivedHop[] = [];
  for (; k < hops.length && matchesTrusted(hops[k].byHost, patterns); k++) {
    chain.push(hops[k]);
    if (hops[k].hasFrom && !fromTrusted(hops[k], patterns)) break;
  }
  if (chain.length === 0) return undefined;

  const groups = chain.map((hop, i) => statedClientIps(headers, i === 0 ? -1 : chain[i - 1].index, hop.index));
  const hinted = chain.find((hop, i) => hop.clientIp && groups[i].has(hop.clientIp));
  const last = chain[chain.length - 1];
  const edge = hinted ?? last;
  return {
    edge,
    client: hinted ? clientOf(hinted) : walkedClient(last, hops, statedClientIps(headers, -1, last.index, false), patterns),
    via: hinted ? 'provider-ip' : 'walk',
    regionEnd: stampTailEnd(headers, edge.index, patterns),
  };
}

function clientOf(hop: ReceivedHop): TrustBoundary['client'] {
  return hop.clientIp ? { ip: hop.clientIp, helo: hop.helo, envelopeFrom: hop.envelopeFrom } : undefined;
}

/**
 * The walk's edge client, unless the walk ended inside the provider, or the provider stated
 * another client IP above the edge. (Fields just below the edge are not asked: the sender
 * could write one there to switch our SPF check off.)
 */
function walkedClient(
  last: ReceivedHop,
  hops: ReceivedHop[],
  statedAbove: Set<string>,
  patterns: readonly string[],
): TrustBoundary['client'] {
  if (!last.hasFrom || fromTrusted(last, patterns) || !last.clientIp) return undefined;
  if (statedAbove.size > 0) return undefined;
  const below = hops.find((hop) => hop.index > last.index);
  if (below && below.byIp === last.clientIp && matchesTrusted(below.byHost, patterns)) return undefined;
  return clientOf(last);
}

/** The trust boundary of the scanned message, computed once per scan. */
export function authTrustBoundary(ctx: ScanContext): TrustBoundary | undefined {
  return ctx.feature('auth.trustBoundary', (c) => findTrustBoundary(c.message.headers, c.settings.trustedAuthservIds));
}

/**
 * Gmail writes its Received-SPF and Authentication-Results just below its own Received field,
 * so the trusted region reaches over that tail: Received-SPF fields and, when the provider
 * wrote no Authentication-Results above its Received, the first one with a trusted id.
 * A second one would be the sender's, placed to look like part of the stamp.
 */
function stampTailEnd(headers: HeaderField[], edgeIndex: number, patterns: readonly string[]): number {
  const stampedAbove = headers.slice(0, edgeIndex).some((h) => {
    if (h.key !== 'authentication-results') return false;
    const id = parseAuthResults(h.value).authservId;
    return id === '' || matchesTrusted(id, patterns);
  });
  let end = edgeIndex;
  let tookResults = stampedAbove;
  for (let i = edgeIndex + 1; i < headers.length; i++) {
    const field = headers[i];
    if (field.key === 'received-spf') end = i;
    else if (field.key === 'authentication-results' && !tookResults && matchesTrusted(parseAuthResults(field.value).authservId, patterns)) {
      end = i;
      tookResults = true;
    } else break;
  }
  return end;
}
