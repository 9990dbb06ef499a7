/**
 * sender.display-name-org: the display name carries the name of the recipient's own
 * organisation, but the address is outside it.
 *
 * Catches: `"Acme IT Service Desk" <helpdesk@acme-support.example>` sent to staff of acme.com,
 * `"ACME HR" <hr.acme@gmail.com>`: internal-looking senders that are not internal.
 *
 * Known false positives: suppliers and partners who put the customer's name in their sender
 * name ("Acme account team at Vendor"), list mail when the organisation was only inferred from
 * the recipients (a list's own domain then looks like "the organisation"), partners on domains
 * built on the organisation's name (`acme-benefits.example`): all weaker.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { readableName } from './display-name.ts';
import { relatedDomains, siteLabel } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_DISPLAY_NAME_ORG',
    group: 'sender',
    weight: 4,
    indicates: 'phish',
    description: 'The sender’s display name carries the recipient organisation’s own name, but the address is outside the organisation.',
  },
] as const satisfies readonly SignalDefinition[];

/** Domain names too generic to stand for an organisation in a display name. */
const GENERIC_LABELS = new Set([
  'mail',
  'email',
  'info',
  'online',
  'home',
  'group',
  'office',
  'company',
  'service',
  'support',
  'news',
  'web',
]);
const MIN_ORG_NAME_LENGTH = 4;
const WORD = /[\p{L}\p{N}]+/gu;

export const displayNameOrgDetector: Detector = {
  id: 'sender.display-name-org',
  stage: 'analyze',
  signals,
  run(ctx) {
    return displayNameOrgHits(ctx);
  },
};

function displayNameOrgHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  if (!facts.displayName || !facts.fromDomain || facts.orgSites.size === 0) return [];
  if (facts.orgSites.has(facts.fromSite)) return [];
  // A domain built on the organisation's name (`contoso-benefits.example`) may be a partner, or the
  // look-alike an attacker registered: it counts, but half.
  const lookalike = [...facts.orgSites].some((site) => relatedDomains(site, facts.fromDomain));
  const words = readableName(facts.displayName).toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return [];
  for (const site of facts.orgSites) {
    const orgName = siteLabel(site).replaceAll('-', '');
    if (orgName.length < MIN_ORG_NAME_LENGTH || GENERIC_LABELS.has(orgName)) continue;
    if (!namesOrganisation(words, orgName)) continue;
    const configured = ctx.settings.orgDomains.length > 0;
    return [
      {
        id: 'SENDER_DISPLAY_NAME_ORG',
        factor: (configured ? 1 : 0.6) * (facts.bulk ? 0.5 : 1) * (lookalike ? 0.5 : 1),
        evidence: [clipEvidence(`name "${facts.displayName}" carries ${orgName}`), clipEvidence(`external sender ${facts.fromAddress}`)],
      },
    ];
  }
  return [];
}

/** The organisation's name as one word or as up to three adjacent words (`acmecorp` = "Acme Corp"). */
function namesOrganisation(words: string[], orgName: string): boolean {
  for (let start = 0; start < words.length; start++) {
    let joined = '';
    for (let end = start; end < Math.min(words.length, start + 3); end++) {
      joined += words[end];
      if (joined === orgName) return true;
      if (joined.length >= orgName.length) break;
    }
  }
  return false;
}
