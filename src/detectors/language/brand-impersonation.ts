/**
 * Catches: a brand presented as the speaker of the message - "Your PayPal account", "Microsoft
 * account team", a subject opening with "Netflix:" - while neither the From domain nor the
 * message's links belong to that brand.
 * Example threat: subject "Microsoft account unusual sign-in activity" from a free-mail
 * address, linking to a look-alike sign-in page.
 * Known false positives: resellers, partners and IT departments writing about a brand's
 * accounts ("your Office 365 account will be migrated") from their own domain.
 */
import { clipEvidence } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { BRANDS, type Brand, isBrandDomain } from '../shared/brands.ts';
import { compileLexicon, type IndexedText, type Phrase, phraseOccurrences } from './lexicon.ts';
import { languageText } from './message-text.ts';
import { normaliseForMatching } from './normalise.ts';

/** A brand in the body counts only near the top, where a lure puts its letterhead. */
const BODY_WINDOW = 3000;
const MAX_BRANDS_REPORTED = 3;

/** Words right after a brand name that make it the subject of an account notice ("PayPal account", "DHL shipment"). */
const ACCOUNT_CUE =
  /^ (?:account|accounts|id|security|support|team|billing|customer (?:service|support|care)|help ?desk|notification|alert|verification|wallet|login|sign-?in|password|mailbox|subscription|membership|order|package|parcel|shipment|delivery|card|payment|invoice|refund|storage|statement|rewards)(?![\p{L}\p{N}])/u;
/**
 * In the body, where brands are also just talked about ("paid into the Wells Fargo account"),
 * only words that give the brand a voice count.
 */
const VOICE_CUE =
  /^ (?:(?:account |security |support |billing |service )?team|security|support|customer (?:service|support|care)|help ?desk|notification|alert|verification (?:team|center|department))(?![\p{L}\p{N}])/u;
/** Words right before it that address the reader as the brand's customer. */
const CUE_BEFORE = /(?:your|dear) $/u;
/** A subject that opens with the brand followed by a separator: "PayPal: ...", "[Netflix] ...". */
const SUBJECT_OPENING = /^[[(\s]{0,2}$/u;
const SUBJECT_SEPARATOR = /^\s*[:|\-–—\]]/u;

const brandOfPhrase = new Map<Phrase, Brand>();
for (const brand of BRANDS) {
  for (const name of brand.names) brandOfPhrase.set({ pattern: escapeRegExp(normaliseForMatching(name)), strength: 1, lang: 'en' }, brand);
}
const BRAND_NAMES = compileLexicon('brand names', [...brandOfPhrase.keys()]);

export interface BrandMention {
  brand: Brand;
  phrase: string;
  where: 'subject' | 'body';
}

/** Brands the text speaks for: a name with a cue word after it, "your"/"dear" before it, or opening the subject. */
export function brandMentions(indexed: IndexedText, where: 'subject' | 'body', window = indexed.text.length): BrandMention[] {
  const { text } = indexed;
  const found: BrandMention[] = [];
  for (const occurrence of phraseOccurrences(BRAND_NAMES, indexed)) {
    if (occurrence.index >= window) break;
    const brand = brandOfPhrase.get(occurrence.phrase);
    if (!brand || found.some((m) => m.brand === brand)) continue;
    const end = occurrence.index + occurrence.text.length;
    const before = text.slice(Math.max(0, occurrence.index - 6), occurrence.index);
    const after = text.slice(end, end + 40);
    const cueAfter = (where === 'subject' ? ACCOUNT_CUE : VOICE_CUE).exec(after)?.[0] ?? '';
    const cueBefore = CUE_BEFORE.exec(before)?.[0] ?? '';
    const opensSubject = where === 'subject' && SUBJECT_OPENING.test(text.slice(0, occurrence.index)) && SUBJECT_SEPARATOR.test(after);
    if (!cueAfter && !cueBefore && !opensSubject) continue;
    found.push({ brand, phrase: `${cueBefore}${occurrence.text}${cueAfter}`, where });
  }
  return found;
}

/** Web hosts the reader can click (images and forms are not invitations to visit). */
function clickableHosts(ctx: ScanContext): string[] {
  return ctx.message.links
    .filter((l) => l.host && (l.kind === 'anchor' || l.kind === 'text') && (l.scheme === 'http' || l.scheme === 'https'))
    .map((l) => l.host);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const brandImpersonationDetector: Detector = {
  id: 'language.brand-impersonation',
  stage: 'analyze',
  signals: [
    {
      id: 'LANG_BRAND_IMPERSONATION',
      group: 'language',
      weight: 3,
      indicates: 'phish',
      description: 'The message speaks in the name of a well-known brand, but neither its sender nor its links belong to that brand.',
    },
  ],
  run(ctx) {
    const text = languageText(ctx);
    const mentions = [...brandMentions(text.subject, 'subject'), ...brandMentions(text.body, 'body', BODY_WINDOW)];
    if (mentions.length === 0) return [];
    const fromDomain = ctx.message.from?.domain ?? '';
    const hosts = clickableHosts(ctx);
    const evidence: string[] = [];
    const reported = new Set<Brand>();
    let inSubject = false;
    for (const { brand, phrase, where } of mentions) {
      if (reported.has(brand) || reported.size >= MAX_BRANDS_REPORTED) continue;
      if (fromDomain && isBrandDomain(brand, fromDomain)) continue;
      const foreignHost = hosts.find((host) => !isBrandDomain(brand, host));
      // Every link on the brand's own site: a forwarded or quoted genuine notice, not a lure.
      if (hosts.length > 0 && !foreignHost) continue;
      reported.add(brand);
      inSubject ||= where === 'subject';
      const target = foreignHost ? `, links to ${foreignHost}` : '';
      evidence.push(clipEvidence(`${brand.name}: "${phrase}" (${where}), sender ${fromDomain || 'unknown'}${target}`));
    }
    if (evidence.length === 0) return [];
    return [{ id: 'LANG_BRAND_IMPERSONATION', factor: inSubject ? 1 : 0.6, evidence }];
  },
};
