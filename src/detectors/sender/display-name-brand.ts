/**
 * sender.display-name-brand: the display name names a well-known brand while the address is
 * not on any of that brand's domains.
 *
 * Catches: `"Microsoft account team" <no-reply@access-accsecurity.example>`,
 * `"C o i n b a s e" <noreply@shop.example>`, `"Costco Customer Support" <x@gmail.com>`.
 * Letters spaced apart and invisible characters are undone before matching.
 *
 * Known false positives: people whose surname is a brand word (`Bob Norton`), teams and
 * newsletters that mention a product (`Sales Teams`, `Economic Outlook`), brands sending from a
 * domain the catalogue does not list. A name that is only the brand plus service words
 * ("Support", "Account Team") counts fully; a name with other words counts much less.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { type Brand, brandsNamedIn, isBrandDomain } from '../shared/brands.ts';
import { disguiseIn, joinSpacedLetters, readableName } from './display-name.ts';
import { siteLabel, siteOf } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_DISPLAY_NAME_BRAND',
    group: 'sender',
    weight: 3.5,
    indicates: 'phish',
    description: 'The sender’s display name is a well-known brand, but the message does not come from that brand’s domains.',
  },
] as const satisfies readonly SignalDefinition[];

/** Words that turn a brand into a sender name without making it a different one ("PayPal Security Team"). */
const SERVICE_WORDS = new Set(
  [
    'account accounts admin alert alerts app apps and atendimento bank banking banco billing by care center centre',
    'cliente clientes corp customer customers da de delivery des do du e express for from help helpdesk id inc',
    'info llc login ltd mail member members membership no noreply notice notification notifications of official',
    'online pay premium prime protection recovery reply rewards security seguranca service services shipping',
    'sign store suporte support system team the update updates verification wallet web your',
  ]
    .join(' ')
    .split(' '),
);
const WORD = /[\p{L}\p{N}]+/gu;

export const displayNameBrandDetector: Detector = {
  id: 'sender.display-name-brand',
  stage: 'analyze',
  signals,
  run(ctx) {
    return displayNameBrandHits(ctx);
  },
};

function displayNameBrandHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  if (!facts.displayName) return [];
  const name = joinSpacedLetters(readableName(facts.displayName));
  const impersonated = brandsNamedIn(name).filter((brand) => !sendsAsBrand(brand, facts.fromDomain));
  if (impersonated.length === 0) return [];
  // Only the first brand matters: a sender name seldom names two, and one hit explains the signal.
  const brand = impersonated[0];
  const disguised = disguiseIn(facts.displayName) !== undefined;
  const strong = disguised || facts.fromIsFreemail || isOnlyBrand(name, brand);
  const evidence = [
    clipEvidence(`name "${facts.displayName}" names ${brand.name}`),
    facts.fromDomain ? clipEvidence(`sender domain ${facts.fromDomain}`) : 'no sender address',
  ];
  if (disguised) evidence.push('brand name disguised with spacing or invisible characters');
  return [{ id: 'SENDER_DISPLAY_NAME_BRAND', factor: strong ? 1 : 0.4, evidence }];
}

/** True when nothing but the brand and service words remains in the name ("Costco Customer Support"). */
function isOnlyBrand(name: string, brand: Brand): boolean {
  let rest = name.toLowerCase();
  for (const brandName of brand.names) rest = rest.replaceAll(brandName, ' ');
  for (const word of rest.match(WORD) ?? []) {
    if (!SERVICE_WORDS.has(word) && !/^\d+$/.test(word)) return false;
  }
  return true;
}

/**
 * The brand's own domains, and its name under a country code (`paypal.de`, `amazon.com.mx`):
 * large brands write from national domains the catalogue does not list one by one.
 */
function sendsAsBrand(brand: Brand, domain: string): boolean {
  if (isBrandDomain(brand, domain)) return true;
  const site = siteOf(domain);
  const suffix = site.slice(site.indexOf('.') + 1);
  if (!/^(?:(?:com?|org|net)\.)?[a-z]{2}$/.test(suffix)) return false;
  const label = siteLabel(site);
  return brand.domains.some((own) => siteLabel(own) === label);
}
