/**
 * Per-message facts about links, computed once and shared by every link detector through
 * `ctx.feature`: registrable domains, IP-ness, and the URLs carried inside a link's query or
 * path (redirect targets, click-tracker destinations, security-gateway wrappers).
 */
import { parse } from 'tldts';
import { hostOf } from '../../mime/links.ts';
import type { Link } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { hasKnownSuffix } from '../shared/lookalike.ts';

export interface HostFacts {
  /** Lower-case ASCII host (punycode stays punycode), IPv6 without brackets. */
  host: string;
  /** Registrable domain under the ICANN suffix list (`web.app` for `x.web.app`); empty for IPs. */
  domain: string;
  /** Registrable domain counting private suffixes too (`x.web.app`), the unit one customer controls. */
  site: string;
  isIp: boolean;
  /** The host is an IP or ends in a listed public suffix or reserved top-level name: a name that can exist. */
  resolvable: boolean;
}

/** A place a link leads to: the link itself, or a URL carried inside it. */
export interface Destination extends HostFacts {
  href: string;
  /** True for a URL carried inside another link (redirect target), false for the link itself. */
  carried: boolean;
}

export interface LinkFacts extends HostFacts {
  link: Link;
  /** URLs written inside this link's path or query (decoded), with their hosts. At most a few. */
  embedded: Destination[];
  /** The link's own host (when it has one), then the embedded ones. */
  destinations: Destination[];
}

/** Hosts as seen across messages repeat a lot; parsing is cheap but not free. */
const hostCache = new Map<string, HostFacts>();
const HOST_CACHE_LIMIT = 20_000;

export function hostFacts(host: string): HostFacts {
  const cached = hostCache.get(host);
  if (cached) return cached;
  const icann = parse(host);
  const isIp = icann.isIp === true || host.includes(':');
  const facts: HostFacts = {
    host,
    domain: isIp ? '' : (icann.domain ?? ''),
    site: isIp ? '' : (parse(host, { allowPrivateDomains: true }).domain ?? icann.domain ?? ''),
    isIp,
    resolvable: isIp || (hasKnownSuffix(icann) && icann.domain !== null),
  };
  if (hostCache.size >= HOST_CACHE_LIMIT) hostCache.clear();
  hostCache.set(host, facts);
  return facts;
}

/** A URL scheme written plainly, percent-encoded, or with escaped slashes, after the link's own authority. */
const EMBEDDED_SCHEME = /(?:https?|hxxps?)(?::|%3a)(?:\/\/|%2f%2f|\\\/\\\/|%252f%252f)/gi;
/** Base64 of `http://` / `https://`, as Bing and several ad networks carry targets. */
const EMBEDDED_BASE64 = /aHR0cHM6Ly[A-Za-z0-9+/_-]+|aHR0cDovL[A-Za-z0-9+/_-]+/g;
const EMBEDDED_END = /[&#\s"'<>]|%26|%23/i;
const MAX_EMBEDDED = 3;

/** URLs carried inside `href` after its own scheme and host, decoded. */
export function embeddedUrls(href: string): string[] {
  const start = href.indexOf('//') + 2;
  const rest = start > 1 ? href.slice(start) : href;
  const found: string[] = [];
  for (const match of rest.matchAll(EMBEDDED_SCHEME)) {
    const tail = rest.slice(match.index);
    const end = tail.slice(match[0].length).search(EMBEDDED_END);
    const raw = end < 0 ? tail : tail.slice(0, match[0].length + end);
    found.push(decodeRepeatedly(raw).replace(/^hxxp/i, 'http').replace(/\\\//g, '/'));
    if (found.length >= MAX_EMBEDDED) return found;
  }
  if (found.length === 0) {
    for (const match of rest.matchAll(EMBEDDED_BASE64)) {
      const decoded = Buffer.from(match[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
      if (/^https?:\/\/[^\s/]/i.test(decoded)) found.push(decoded);
      if (found.length >= MAX_EMBEDDED) break;
    }
  }
  return found;
}

function decodeRepeatedly(value: string): string {
  let current = value;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(current); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return current;
    }
  }
  return current;
}

function factsOf(link: Link): LinkFacts {
  const own = link.host ? hostFacts(link.host) : { host: '', domain: '', site: '', isIp: false, resolvable: false };
  const embedded: LinkFacts['embedded'] = [];
  if (link.host && link.href.length > 12) {
    for (const href of embeddedUrls(link.href)) {
      const host = hostOf(href);
      const facts = host && host !== link.host ? hostFacts(host) : undefined;
      if (facts?.resolvable) embedded.push({ ...facts, href, carried: true });
    }
  }
  const destinations = link.host ? [{ ...own, href: link.href, carried: false }, ...embedded] : embedded;
  return { link, ...own, embedded, destinations };
}

/** Facts for every link of the message (including attached messages'), in `message.links` order. */
export function linkFacts(ctx: ScanContext): LinkFacts[] {
  return ctx.feature('links.facts', () => ctx.message.links.map(factsOf));
}
