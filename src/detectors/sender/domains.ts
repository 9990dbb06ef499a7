import { parse } from 'tldts';
import { BRANDS } from '../shared/brands.ts';

/**
 * Domain comparisons shared by the sender detectors. Two addresses belong to the same sender
 * when their registrable domains match (`mail.example.com` and `example.com`), which is how
 * DMARC's relaxed alignment sees it too.
 */

interface DomainInfo {
  /** Registrable domain, or the host itself when it has no public suffix. */
  site: string;
  /** The registrable domain without its suffix, or the host itself. */
  label: string;
  /** True for a host under a real (ICANN) public suffix. */
  icann: boolean;
}

/** Parsing against the public suffix list costs microseconds; the same few domains recur in every message. */
const infoCache = new Map<string, DomainInfo>();
const INFO_CACHE_LIMIT = 20_000;

function domainInfo(domain: string): DomainInfo {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  const cached = infoCache.get(d);
  if (cached) return cached;
  const parsed = parse(d);
  const icann = parsed.domain !== null && parsed.isIcann === true && parsed.isIp !== true;
  const info = { site: parsed.domain ?? d, label: parsed.domainWithoutSuffix || d, icann };
  if (infoCache.size >= INFO_CACHE_LIMIT) infoCache.clear();
  infoCache.set(d, info);
  return info;
}

/** The registrable domain (`example.co.uk`), or the host itself when it has no public suffix (`localhost`, `pot`). */
export function siteOf(domain: string): string {
  return domain ? domainInfo(domain).site : '';
}

/** The distinctive name of a domain without its public suffix: `example` for `mail.example.co.uk`. */
export function siteLabel(domain: string): string {
  return domain ? domainInfo(domain).label : '';
}

/** True when `domain` is a host under a real (ICANN) public suffix, not `localhost`, `host.local` or `mr.wood`. */
export function hasPublicSuffix(domain: string): boolean {
  return domain ? domainInfo(domain).icann : false;
}

const brandSiteGroups: ReadonlyMap<string, number> = new Map(
  BRANDS.flatMap((brand, index) => brand.domains.map((domain) => [domain, index] as const)),
);

/**
 * A looser "same organisation" test for infrastructure headers (Return-Path, Message-ID):
 * same registrable domain, domains of one brand (`paypal.com` / `paypal-communication.com`),
 * the same name under another suffix (`example.de` / `example.com`), or one name containing
 * the other (`example.com` / `example-mail.com`, `em.exampleco.net`).
 */
export function relatedDomains(a: string, b: string): boolean {
  const siteA = siteOf(a);
  const siteB = siteOf(b);
  if (!siteA || !siteB) return false;
  if (siteA === siteB) return true;
  const brandA = brandSiteGroups.get(siteA);
  if (brandA !== undefined && brandA === brandSiteGroups.get(siteB)) return true;
  const labelA = siteLabel(siteA);
  const labelB = siteLabel(siteB);
  if (labelA === labelB) return true;
  const [shorter, longer] = labelA.length <= labelB.length ? [labelA, labelB] : [labelB, labelA];
  return shorter.length >= 4 && longer.includes(shorter);
}

/** The domain part of an address (after the last `@`), lower-cased, without a trailing `>` or dot. */
export function domainOfAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  return address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/[>\].]+$/, '');
}
