/**
 * Links through URL shorteners, which hide the real destination until the reader clicks.
 *
 * Threat: `https://bit.ly/3xYzAbc` in a "your mailbox is full" notice, leading to a credential
 * page that no reputation list has seen yet.
 *
 * Known false positives: newsletters and social-media notifications use shorteners routinely,
 * so the signal is weak on its own; brands' own shorteners (`t.co`, `amzn.to`, `aka.ms`) weigh less
 * and form-builder short links (`forms.gle`) are judged by the hosting detector instead.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { linkFacts } from './link-facts.ts';
import { BRAND_SHORTENERS, SHORTENER_DOMAINS } from './shorteners.ts';

const SIGNALS = [
  {
    id: 'URL_SHORTENER',
    group: 'links',
    weight: 2,
    indicates: 'phish',
    description: 'A link goes through a URL shortener, which hides where it really leads.',
  },
] as const satisfies readonly SignalDefinition[];

export type ShortenerKind = 'public' | 'brand';

/** Whether a host belongs to a URL shortener, and whose. */
export function shortenerKind(host: string, domain: string): ShortenerKind | undefined {
  if (SHORTENER_DOMAINS.has(domain) || SHORTENER_DOMAINS.has(host)) return 'public';
  if (BRAND_SHORTENERS.has(host) || BRAND_SHORTENERS.has(domain)) return 'brand';
  return undefined;
}

/** A shortener link carries a token in its path; a bare shortener home page is not a short link. */
const SHORT_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/[^\s/?#]{2,}/i;

export const shortenerDetector: Detector = {
  id: 'links.shortener',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const publicLinks: string[] = [];
    const brandLinks: string[] = [];
    for (const facts of linkFacts(ctx)) {
      if (!facts.host || facts.link.kind === 'image' || !SHORT_PATH.test(facts.link.href)) continue;
      const kind = shortenerKind(facts.host, facts.domain);
      if (kind === 'public') publicLinks.push(facts.link.href);
      else if (kind === 'brand') brandLinks.push(facts.link.href);
    }
    const hits: SignalHit[] = [];
    if (publicLinks.length > 0) hits.push({ id: 'URL_SHORTENER', evidence: unique(publicLinks) });
    else if (brandLinks.length > 0) hits.push({ id: 'URL_SHORTENER', factor: 0.25, evidence: unique(brandLinks) });
    return hits;
  },
};

function unique(hrefs: string[]): string[] {
  return [...new Set(hrefs)].slice(0, 3).map((href) => clipEvidence(href, 100));
}
