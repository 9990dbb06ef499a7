/**
 * A message whose sender name claims a brand, sent from a domain that is not the brand's,
 * whose web links all avoid the brand's domains.
 *
 * Threat: From "PayPal Service <info@notice-center.example>" with every button leading to
 * `secure-update.example`: a real PayPal message links at least somewhere on PayPal's domains.
 *
 * Known false positives: resellers and partners naming a brand in their sender name
 * ("Contoso, Microsoft Partner"), and forwarded or list mail; the signal is kept moderate and
 * the impersonation detectors judge the sender name itself.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { type Brand, brandsNamedIn, isBrandDomain } from '../shared/brands.ts';
import { brandOfTld } from './brand-infrastructure.ts';
import { linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_BRAND_SENDER_OFFSITE_LINKS',
    group: 'links',
    weight: 2,
    indicates: 'phish',
    description: "The sender's name claims a brand, but neither the sender's address nor any link in the message belongs to that brand.",
  },
] as const satisfies readonly SignalDefinition[];

/** A domain of the brand, including hosts under the brand's own top-level domain. */
function ownedBy(brand: Brand, domain: string): boolean {
  return isBrandDomain(brand, domain) || brandOfTld(domain) === brand.name;
}

export const brandOffsiteDetector: Detector = {
  id: 'links.brand-offsite',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const from = ctx.message.from;
    if (!from?.name || !from.domain) return [];
    const brands = brandsNamedIn(from.name).filter((brand) => brand.domains.length > 0 && !ownedBy(brand, from.domain));
    if (brands.length === 0) return [];
    const webLinks = linkFacts(ctx).filter((f) => f.domain && f.link.kind === 'anchor' && f.link.source !== 'nested');
    if (webLinks.length === 0) return [];
    const hits: SignalHit[] = [];
    for (const brand of brands) {
      if (webLinks.some((f) => f.destinations.some((d) => ownedBy(brand, d.domain)))) continue;
      const domains = [...new Set(webLinks.map((f) => f.domain))];
      hits.push({
        id: 'URL_BRAND_SENDER_OFFSITE_LINKS',
        evidence: [clipEvidence(`${brand.name} named by ${from.address}; links go to ${domains.slice(0, 3).join(', ')}`)],
      });
      break;
    }
    return hits;
  },
};
