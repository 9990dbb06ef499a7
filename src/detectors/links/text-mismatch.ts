/**
 * Anchors whose visible text names one site while the link goes to another.
 *
 * Threat: the text reads `https://www.paypal.com/signin` but the href is
 * `https://paypal-verify.example/`; or the text shows the recipient company's own intranet
 * address while the link goes to an IP address or a free hosting page.
 *
 * Known false positives: newsletters wrap every link in a click tracker (`www.shop.example`
 * shown, `click.mailer.example` linked); when the tracker carries the destination in its query the
 * link is followed, otherwise a plain mismatch only weighs a little. The strong signals need the
 * text to name a brand's or the organisation's domain (half as strong when the message comes from
 * that very domain), or the target to be an IP address, a URL shortener or free hosting.
 */
import { parse } from 'tldts';
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { BRANDS, isBrandDomain } from '../shared/brands.ts';
import { hasKnownSuffix } from '../shared/lookalike.ts';
import { brandOfTld } from './brand-infrastructure.ts';
import { hostingPlatformOf } from './free-hosting.ts';
import { hostFacts, type LinkFacts, linkFacts } from './link-facts.ts';
import { SECURITY_WRAPPER_HOST } from './redirectors.ts';
import { shortenerKind } from './shortener.ts';

const SIGNALS = [
  {
    id: 'URL_TEXT_HREF_MISMATCH',
    group: 'links',
    weight: 0.5,
    indicates: 'phish',
    description: 'A link shows one web address as its text but leads to a different site (also common in newsletter click tracking).',
  },
  {
    id: 'URL_TEXT_NAMES_TRUSTED_DOMAIN',
    group: 'links',
    weight: 5,
    indicates: 'phish',
    description: "A link's text shows a well-known brand's or the organisation's own web address, but the link leads to another site.",
  },
  {
    id: 'URL_TEXT_MISMATCH_RISKY_TARGET',
    group: 'links',
    weight: 4,
    indicates: 'phish',
    description: "A link's text shows one web address while the link leads to an IP address, a URL shortener or a free hosting page.",
  },
] as const satisfies readonly SignalDefinition[];

/**
 * A web address in anchor text: with a scheme, starting with `www.`, or the whole text being a
 * domain name. Addresses after `@` are e-mail addresses and are skipped.
 */
const URL_IN_TEXT =
  /(?:^|[\s(<"'])(?:https?:\/\/|www\.)([a-z0-9.-]+\.[a-z]{2,24})|^\s*([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24})\s*\/?\s*$/i;

/** The registrable domain a piece of anchor text names, if it names one. */
export function domainNamedIn(text: string): string | undefined {
  if (text.length < 4 || text.length > 300 || !text.includes('.')) return undefined;
  const match = URL_IN_TEXT.exec(text);
  const named = (match?.[1] ?? match?.[2])?.toLowerCase();
  if (!named) return undefined;
  const parsed = parse(named);
  return hasKnownSuffix(parsed) && parsed.domain ? parsed.domain : undefined;
}

/** Who a named domain belongs to, and how to recognise the owner's other domains. */
type Owner = { name: string; owns: (domain: string) => boolean };

function ownerOf(domain: string, orgDomains: Set<string>): Owner | undefined {
  if (orgDomains.has(domain)) return { name: 'your organisation', owns: (d) => d === domain };
  const brand = BRANDS.find((b) => isBrandDomain(b, domain));
  return brand ? { name: brand.name, owns: (d) => isBrandDomain(brand, d) || brandOfTld(d) === brand.name } : undefined;
}

/** Why the destination is risky in itself, if it is. */
function riskOf(facts: LinkFacts): string | undefined {
  for (const target of facts.destinations) {
    if (target.isIp) return 'IP address';
    if (shortenerKind(target.host, target.domain) === 'public') return 'URL shortener';
    const platform = hostingPlatformOf(target.host, target.href);
    if (platform) return platform.kind;
  }
  return undefined;
}

export const textMismatchDetector: Detector = {
  id: 'links.text-mismatch',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const orgDomains = ctx.feature('links.orgRegistrableDomains', () => new Set(ctx.orgDomains().map((d) => hostFacts(d).domain)));
    const plain: string[] = [];
    const trusted: string[] = [];
    let trustedFactor = 0;
    const fromDomain = hostFacts(ctx.message.from?.domain ?? '').domain;
    const risky: string[] = [];
    for (const facts of linkFacts(ctx)) {
      if (facts.link.kind !== 'anchor' || !facts.host || !facts.link.text) continue;
      const named = domainNamedIn(facts.link.text);
      if (!named) continue;
      const destinations = facts.destinations.filter((t) => !SECURITY_WRAPPER_HOST.test(t.host));
      if (destinations.some((t) => t.domain === named)) continue;
      const owner = ownerOf(named, orgDomains);
      if (owner && destinations.some((t) => owner.owns(t.domain))) continue;
      const evidence = clipEvidence(`"${facts.link.text}" -> ${destinations[0]?.host ?? facts.host}`);
      const risk = riskOf(facts);
      if (owner) {
        trusted.push(`${evidence} (${owner.name})`);
        // Mail really sent from the named owner often goes through its own click tracker; a forged
        // From is for the authentication detectors to catch.
        trustedFactor = Math.max(trustedFactor, fromDomain && owner.owns(fromDomain) ? 0.5 : 1);
      } else if (risk) risky.push(`${evidence} (${risk})`);
      else plain.push(evidence);
    }
    const hits: SignalHit[] = [];
    if (trusted.length > 0) hits.push({ id: 'URL_TEXT_NAMES_TRUSTED_DOMAIN', factor: trustedFactor, evidence: trusted.slice(0, 3) });
    if (risky.length > 0) hits.push({ id: 'URL_TEXT_MISMATCH_RISKY_TARGET', evidence: risky.slice(0, 3) });
    if (plain.length > 0) hits.push({ id: 'URL_TEXT_HREF_MISMATCH', evidence: plain.slice(0, 3) });
    return hits;
  },
};
