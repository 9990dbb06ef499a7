/**
 * Links whose host is an IP address instead of a name, IP addresses written in unusual
 * encodings, and URLs that put a fake host in front of an `@`.
 *
 * Threat: `http://203.0.113.7/login.php` (no domain to check, nothing to block by name),
 * `http://3405803783/` (the same IP as one decimal number, which browsers accept), and
 * `https://www.paypal.com@203.0.113.7/` (the browser goes to whatever follows the `@`).
 *
 * Known false positives: technical mail linking to a router, a test server or `127.0.0.1`
 * (private and loopback addresses count for little); `ftp://user@host` links in old
 * mailing-list mail (user names that do not look like a host count for little).
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { brandsNamedIn } from '../shared/brands.ts';
import { linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_IP_HOST',
    group: 'links',
    weight: 3,
    indicates: 'phish',
    description: 'A link points to a bare IP address instead of a domain name.',
  },
  {
    id: 'URL_ENCODED_IP_HOST',
    group: 'links',
    weight: 7,
    indicates: 'phish',
    description: 'A link hides an IP address in an unusual form (one decimal number, hex or octal) that browsers still follow.',
  },
  {
    id: 'URL_USERINFO_HOST',
    group: 'links',
    weight: 5,
    indicates: 'phish',
    description: 'A link puts text before an @ in its address, so the part a reader notices is not where the browser goes.',
  },
] as const satisfies readonly SignalDefinition[];

/** Scheme, `//`, then the authority as written (user info, host, port). */
const AUTHORITY = /^[a-z][a-z0-9+.-]*:[\\/]{2}([^/?#\\]*)/i;
const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** Loopback, RFC 1918, link-local, CGNAT and IPv6 local ranges: links there cannot reach an outside attacker. */
const LOCAL_IP =
  /^(?:127\.|10\.|192\.168\.|169\.254\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|0\.)|^(?:::1?|f[cd][0-9a-f]{2}:|fe80:)/i;
/** User info that reads like a host name or address: the disguise, as opposed to a plain login name. */
const HOST_LIKE = /[a-z0-9-]\.[a-z]{2,}|^\d+\.\d+\.\d+\.\d+$|^https?:/i;

export function isLocalIp(ip: string): boolean {
  return LOCAL_IP.test(ip);
}

/** The authority of a URL as written: what stands before the `@` (if any) and the host text itself. */
export function rawAuthority(href: string): { userinfo: string; host: string } | undefined {
  const authority = AUTHORITY.exec(href)?.[1];
  if (authority === undefined) return undefined;
  const at = authority.lastIndexOf('@');
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d*$/, '');
  return { userinfo: at < 0 ? '' : authority.slice(0, at), host: host.toLowerCase() };
}

export const ipHostDetector: Detector = {
  id: 'links.ip-host',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const publicIps = new Set<string>();
    const localIps = new Set<string>();
    const encoded: string[] = [];
    const disguised: string[] = [];
    const plainUser: string[] = [];
    for (const facts of linkFacts(ctx)) {
      for (const host of facts.destinations) {
        if (host.isIp) (isLocalIp(host.host) ? localIps : publicIps).add(host.host);
      }
      if (!facts.host || !/^(?:https?|ftp)$/.test(facts.link.scheme)) continue;
      const raw = rawAuthority(facts.link.href);
      if (!raw) continue;
      if (facts.isIp && !facts.host.includes(':') && !DOTTED_QUAD.test(raw.host)) encoded.push(`${raw.host} = ${facts.host}`);
      if (raw.userinfo) {
        const shown = `${raw.userinfo}@${facts.host}`;
        if (HOST_LIKE.test(raw.userinfo) || brandsNamedIn(raw.userinfo).length > 0) disguised.push(shown);
        else plainUser.push(shown);
      }
    }
    const hits: SignalHit[] = [];
    if (publicIps.size > 0) hits.push({ id: 'URL_IP_HOST', evidence: [...publicIps].slice(0, 3) });
    else if (localIps.size > 0)
      hits.push({ id: 'URL_IP_HOST', factor: 0.2, evidence: [...localIps].slice(0, 3).map((ip) => `${ip} (local)`) });
    if (encoded.length > 0) hits.push({ id: 'URL_ENCODED_IP_HOST', evidence: encoded.slice(0, 3).map((e) => clipEvidence(e)) });
    if (disguised.length > 0) hits.push({ id: 'URL_USERINFO_HOST', evidence: disguised.slice(0, 3).map((e) => clipEvidence(e)) });
    else if (plainUser.length > 0)
      hits.push({ id: 'URL_USERINFO_HOST', factor: 0.3, evidence: plainUser.slice(0, 3).map((e) => clipEvidence(e)) });
    return hits;
  },
};
