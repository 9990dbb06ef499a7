/**
 * Reads Received fields into the few facts the delivery-path detector needs, for the stamp
 * formats in common use (sendmail/Postfix, Exim, qmail, Microsoft), and finds the handover: the
 * hop where the message entered the recipient's infrastructure from outside.
 */
import { parse } from 'tldts';
import { headerValues } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';

export interface ReceivedHop {
  /** The name the client gave in HELO/EHLO, as written. */
  helo: string;
  /** The reverse-DNS name the receiver recorded: '' when the stamp does not show one, 'unknown' when lookup failed. */
  rdns: string;
  ip: string;
  by: string;
  with: string;
}

/** The input is already a host name: skip tldts' URL handling. */
const HOST_ONLY = { extractHostname: false, mixedInputs: false, validateHosts: false, detectIp: false } as const;
const FROM_PART = /^\s*from\s+([\s\S]*?)\s+by\s+(\S+)/i;
const WITH = /\swith\s+(\S+)/i;
const IPV4 = /(?:^|[^\d.])((?:\d{1,3}\.){3}\d{1,3})(?![\d.])/;
const HELO_EQ = /helo=([^\s)\]]+)/i;
const QMAIL_HELO = /\(HELO\s+([^\s)]+)\)/i;
/** sendmail/Postfix: `(rdns [ip])`, `(user@rdns [ip])`; `([ip])` when there was no name. */
const PAREN_RDNS = /\(\s*(?:[^@\s()]+@)?([^\s[\]()]*)\s*\[(?:IPv6:)?[\d.:a-f]+\]/i;
const PRIVATE_IP = /^(?:10\.|127\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|0\.)/;
/** Providers whose internal hops cross several registrable domains. */
const SAME_ORG: Record<string, string> = {
  'office365.com': 'microsoft',
  'outlook.com': 'microsoft',
  'hotmail.com': 'microsoft',
  'microsoft.com': 'microsoft',
  'exchangelabs.com': 'microsoft',
  'google.com': 'google',
  'gmail.com': 'google',
  'googlemail.com': 'google',
  'yahoo.com': 'yahoo',
  'yahoodns.net': 'yahoo',
};
const AUTHENTICATED = /^(?:esmtpsa|esmtpa|smtpa|esmtpsa?:?|lmtpa)$|^http/i;

export function parseHop(value: string): ReceivedHop | undefined {
  const match = FROM_PART.exec(value);
  if (!match) return undefined;
  const from = match[1];
  const ip = IPV4.exec(from)?.[1] ?? '';
  const first = from.split(/[\s(]/, 1)[0] ?? '';
  let helo = first;
  let rdns = '';
  const explicit = HELO_EQ.exec(from) ?? QMAIL_HELO.exec(from);
  if (explicit) {
    helo = explicit[1];
    rdns = first.startsWith('[') ? '' : first;
  } else {
    const paren = PAREN_RDNS.exec(from);
    if (paren) rdns = paren[1] || 'unknown';
  }
  return { helo, rdns: rdns.toLowerCase().replace(/\.$/, ''), ip, by: match[2].toLowerCase(), with: WITH.exec(value)?.[1] ?? '' };
}

function org(host: string): string {
  const domain = parse(host.toLowerCase(), HOST_ONLY).domain ?? '';
  return SAME_ORG[domain] ?? domain;
}

/**
 * The first hop, reading from the top, whose client is outside the receiving organisation:
 * internal relays (same registrable domain on both sides, private addresses) are passed over.
 */
export function handoverHop(ctx: ScanContext): ReceivedHop | undefined {
  return ctx.feature('structure.handover', () => {
    for (const value of headerValues(ctx.message, 'received').slice(0, 30)) {
      const hop = parseHop(value);
      if (!hop) continue;
      if (!hop.ip || PRIVATE_IP.test(hop.ip)) continue;
      const receiver = org(hop.by);
      const client = org(hop.rdns && hop.rdns !== 'unknown' ? hop.rdns : hop.helo);
      if (receiver && client && receiver === client) continue;
      // A client that logged in is a user of the receiving service, not a stranger's relay.
      if (AUTHENTICATED.test(hop.with)) return undefined;
      return hop;
    }
    return undefined;
  });
}
