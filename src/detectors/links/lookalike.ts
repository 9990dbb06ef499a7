/**
 * Link domains built to be mistaken for a brand's or the recipient organisation's domain:
 * homoglyphs, typos, another suffix, or the real name used as a subdomain or hyphenated part.
 *
 * Threat: `https://paypa1.com/`, `https://micorsoft.com/`, `https://acme-corp.co/` (org is
 * `acme-corp.com`), `https://paypal.com.account-verify.example/`, `https://paypal-secure-login.example/`.
 *
 * Known false positives: a brand's genuine campaign domains that the brand catalogue does not list
 * (`google.org`) look like a suffix swap, which therefore weighs less (country sites such as
 * `amazon.in` never count); sites that put a customer's name in a subdomain (`acme.zendesk.com`)
 * weigh little; unrelated businesses whose name is one letter from a brand's.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { BRAND_DOMAINS, BRANDS } from '../shared/brands.ts';
import { LookalikeIndex, type LookalikeMatch } from '../shared/lookalike.ts';
import { BRAND_INFRASTRUCTURE_DOMAINS, brandOfTld } from './brand-infrastructure.ts';
import { hostFacts, linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_LOOKALIKE_BRAND',
    group: 'links',
    weight: 6,
    indicates: 'phish',
    description: "A link domain imitates a well-known brand's domain (look-alike letters, a typo or another ending).",
  },
  {
    id: 'URL_BRAND_EMBEDDED',
    group: 'links',
    weight: 4,
    indicates: 'phish',
    description: "A link domain that does not belong to a brand carries the brand's name as a subdomain or as part of a hyphenated name.",
  },
  {
    id: 'URL_LOOKALIKE_ORG',
    group: 'links',
    weight: 7,
    indicates: 'phish',
    description: "A link domain imitates the recipient organisation's own domain.",
  },
] as const satisfies readonly SignalDefinition[];

/** Brand domain names that are everyday words: they only count when spelled with look-alike letters. */
const GENERIC_BRAND_LABELS = new Set([
  'office',
  'live',
  'me',
  'mac',
  'meta',
  'booking',
  'zoom',
  'slack',
  'steam',
  'chase',
  'visa',
  'outlook',
  'ups',
  'att',
  'bb',
  'fb',
  'gen',
  'msn',
  'bing',
  'windows',
  'azure',
  'teams',
  'citi',
  'a',
  'g',
  'caixa',
]);

const brandIndex = new LookalikeIndex(
  BRANDS.flatMap((brand) =>
    brand.domains.map((domain) => ({ domain, owner: brand.name, distinctive: !GENERIC_BRAND_LABELS.has(domain.split('.')[0]) })),
  ),
  BRAND_INFRASTRUCTURE_DOMAINS,
);

/** Messages with thousands of links (digests, catalogues) are judged on their first distinct hosts. */
const MAX_HOSTS = 300;

/** The organisation's registrable domains that are not brands' (a recipient at gmail.com protects nothing new). */
function orgIndex(ctx: ScanContext): LookalikeIndex | undefined {
  return ctx.feature('links.orgLookalikeIndex', () => {
    const domains = [...new Set(ctx.orgDomains().map((d) => hostFacts(d).domain))].filter((d) => d && !BRAND_DOMAINS.has(d));
    if (domains.length === 0) return undefined;
    return new LookalikeIndex(
      domains.map((domain) => ({ domain, owner: 'your organisation', distinctive: domain.split('.')[0].length >= 4 })),
      [...BRAND_DOMAINS, ...BRAND_INFRASTRUCTURE_DOMAINS],
    );
  });
}

const STRONG_KINDS = new Set(['homoglyph', 'edit-distance']);

/**
 * Organisation names are often plain words (`linux.ie`, `acme.com`), so an embedded name alone
 * proves little: a subdomain must carry the whole domain (`acme.com.login.example`) and a
 * hyphenated name needs a long label (`acmecorp-payroll.example`).
 */
function isConvincingOrgMatch(host: string, match: LookalikeMatch): boolean {
  if (match.kind === 'subdomain') return host.includes(`${match.target}.`);
  if (match.kind === 'hyphenated') return match.target.split('.')[0].length >= 6;
  return true;
}

function describe(host: string, match: LookalikeMatch): string {
  return clipEvidence(`${host} ~ ${match.target} (${match.owner}, ${match.kind})`);
}

export const lookalikeDetector: Detector = {
  id: 'links.lookalike',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const org = orgIndex(ctx);
    const seen = new Set<string>();
    const brand: { evidence: string[]; factor: number } = { evidence: [], factor: 0 };
    const embedded: { evidence: string[]; factor: number } = { evidence: [], factor: 0 };
    const orgHit: { evidence: string[]; factor: number } = { evidence: [], factor: 0 };
    const record = (bucket: typeof brand, evidence: string, factor: number) => {
      if (bucket.evidence.length < 3) bucket.evidence.push(evidence);
      bucket.factor = Math.max(bucket.factor, factor);
    };
    for (const facts of linkFacts(ctx)) {
      for (const { host, isIp, domain } of facts.destinations) {
        if (isIp || !domain || seen.has(host) || seen.size >= MAX_HOSTS) continue;
        seen.add(host);
        if (org?.isOwn(host) || brandOfTld(host)) continue;
        const orgMatch = org?.match(host);
        if (orgMatch && isConvincingOrgMatch(host, orgMatch)) {
          record(orgHit, describe(host, orgMatch), orgMatch.kind === 'tld-swap' ? 0.7 : STRONG_KINDS.has(orgMatch.kind) ? 1 : 0.5);
          continue;
        }
        const match = brandIndex.match(host);
        if (!match) continue;
        if (STRONG_KINDS.has(match.kind)) record(brand, describe(host, match), 1);
        else if (match.kind === 'tld-swap') record(brand, describe(host, match), 0.5);
        else if (match.kind === 'hyphenated') record(embedded, describe(host, match), 1);
        else record(embedded, describe(host, match), host.includes(`${match.target}.`) ? 0.8 : 0.4);
      }
    }
    const hits: SignalHit[] = [];
    if (brand.evidence.length > 0) hits.push({ id: 'URL_LOOKALIKE_BRAND', factor: brand.factor, evidence: brand.evidence });
    if (embedded.evidence.length > 0) hits.push({ id: 'URL_BRAND_EMBEDDED', factor: embedded.factor, evidence: embedded.evidence });
    if (orgHit.evidence.length > 0) hits.push({ id: 'URL_LOOKALIKE_ORG', factor: orgHit.factor, evidence: orgHit.evidence });
    return hits;
  },
};
