/**
 * sender.display-name-address: the display name shows an address or domain other than the one
 * the message really comes from.
 *
 * Catches: `"support@paypal.com" <x@evil.example>` and `"Microsoft <no-reply@microsoft.com>"
 * <x@evil.example>`: mail clients show the name, so the reader sees a trusted address while the
 * real one is hidden.
 *
 * Known false positives: list servers and sharing services that rewrite the sender as
 * `"alice@example.com via Group"` (weakened when the name says "via"), newsletters named after
 * a web site on another domain (`CNET News.com` from `online.example`), which is why a bare
 * domain weighs much less than a full address.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { BRAND_DOMAINS } from '../shared/brands.ts';
import { readableName } from './display-name.ts';
import { hasPublicSuffix, relatedDomains, siteOf } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_DISPLAY_NAME_ADDRESS',
    group: 'sender',
    weight: 4,
    indicates: 'phish',
    description: 'The sender’s display name shows an email address on another domain than the real sender address.',
  },
  {
    id: 'SENDER_DISPLAY_NAME_DOMAIN',
    group: 'sender',
    weight: 1,
    indicates: 'phish',
    description: 'The sender’s display name names a web domain that is not the domain the message comes from.',
  },
] as const satisfies readonly SignalDefinition[];

/**
 * Privacy relays forward mail under their own address and show the original sender in the name
 * (`"news@shop.example" <ticket_123@sneakemail.com>`): the pattern this detector looks for, but honest.
 */
const FORWARDING_SERVICES = new Set([
  'sneakemail.com',
  'privaterelay.appleid.com',
  'simplelogin.co',
  'simplelogin.com',
  'simplelogin.fr',
  'anonaddy.me',
  'anonaddy.com',
  'addy.io',
  'duck.com',
  'mozmail.com',
  '33mail.com',
  'spamgourmet.com',
]);
/** Bare domains are only recognised under suffixes that names are unlikely to contain (`R.Hughes` is not a domain). */
const COMMON_SUFFIXES = new Set([
  'com',
  'net',
  'org',
  'info',
  'biz',
  'io',
  'co',
  'me',
  'app',
  'gov',
  'edu',
  'online',
  'site',
  'shop',
  'store',
  'xyz',
]);
const ADDRESS_IN_NAME = /[\p{L}\p{N}._%+'-]+@((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})/gu;
const DOMAIN_IN_NAME = /(?<![\p{L}\p{N}@._-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\p{L}\p{N}-])/giu;
/** "alice@example.com via Team Drive": the service names the person it forwards for. */
const VIA_SERVICE = /\bvia\b/i;

export const displayNameAddressDetector: Detector = {
  id: 'sender.display-name-address',
  stage: 'analyze',
  signals,
  run(ctx) {
    return displayNameAddressHits(ctx);
  },
};

function displayNameAddressHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  const name = readableName(facts.displayName);
  if (!name || !facts.fromDomain || !/[.@]/.test(name)) return [];
  const relayed = VIA_SERVICE.test(name) || FORWARDING_SERVICES.has(facts.fromDomain) || FORWARDING_SERVICES.has(siteOf(facts.fromDomain));
  const viaFactor = relayed ? 0.3 : 1;

  for (const match of name.matchAll(ADDRESS_IN_NAME)) {
    const shownDomain = match[1].toLowerCase();
    if (relatedDomains(shownDomain, facts.fromDomain)) continue;
    return [
      {
        id: 'SENDER_DISPLAY_NAME_ADDRESS',
        factor: viaFactor,
        evidence: [clipEvidence(`name shows ${match[0]}`), clipEvidence(`real sender ${facts.fromAddress}`)],
      },
    ];
  }

  const withoutAddresses = name.replace(ADDRESS_IN_NAME, ' ');
  for (const match of withoutAddresses.matchAll(DOMAIN_IN_NAME)) {
    const shownDomain = match[1].toLowerCase();
    if (!looksLikeDomain(match[1]) || relatedDomains(shownDomain, facts.fromDomain)) continue;
    // A brand's or the recipient organisation's own domain in the name is the impersonation itself.
    const borrowed = BRAND_DOMAINS.has(siteOf(shownDomain)) || facts.orgSites.has(siteOf(shownDomain));
    return [
      {
        id: 'SENDER_DISPLAY_NAME_DOMAIN',
        factor: (borrowed ? 1 : 0.5) * viaFactor,
        evidence: [clipEvidence(`name shows ${shownDomain}`), clipEvidence(`real sender ${facts.fromAddress}`)],
      },
    ];
  }
  return [];
}

/** A written domain: a real suffix that is common (`.com`, `.org`) or a lower-case country code (`example.de`, not `J.Do`). */
function looksLikeDomain(written: string): boolean {
  const domain = written.toLowerCase();
  if (!hasPublicSuffix(domain)) return false;
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return COMMON_SUFFIXES.has(tld) || (tld.length === 2 && written === domain);
}
