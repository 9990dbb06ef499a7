/**
 * Links whose fragment (`#...`) carries an e-mail address, plain or base64-encoded. Phishing
 * kits read the fragment in the browser to pre-fill the victim's address on a fake sign-in page,
 * and the fragment never reaches web server logs or URL scanners.
 *
 * Threat: `https://cdn-docs.example/auth/index.html#robin.hale@northwind-traders.test` or
 * `...#cm9iaW4uaGFsZUBub3J0aHdpbmQtdHJhZGVycy50ZXN0`.
 *
 * Known false positives: rare; some single-page web apps keep state in the fragment. Addresses in
 * the query string are common in newsletter unsubscribe and tracking links and do not count.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_ADDRESS_IN_FRAGMENT',
    group: 'links',
    weight: 3,
    indicates: 'phish',
    description:
      "A link hides an e-mail address after its '#', the way phishing pages pre-fill the victim's address on a fake sign-in form.",
  },
] as const satisfies readonly SignalDefinition[];

const ADDRESS = /[a-z0-9._%+-]+(?:@|%40)[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
/** A base64 run long enough to hold an address. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/** True when a URL fragment holds an e-mail address, written out or base64-encoded. */
export function fragmentHoldsAddress(fragment: string): boolean {
  if (ADDRESS.test(fragment)) return true;
  for (const run of fragment.match(BASE64_RUN) ?? []) {
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (/^[\x20-\x7e]+$/.test(decoded) && ADDRESS.test(decoded)) return true;
  }
  return false;
}

export const addressInFragmentDetector: Detector = {
  id: 'links.address-in-fragment',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const found = new Set<string>();
    for (const { link } of linkFacts(ctx)) {
      if (link.kind === 'image' || (link.scheme !== 'https' && link.scheme !== 'http')) continue;
      const hash = link.href.indexOf('#');
      if (hash >= 0 && hash < link.href.length - 5 && fragmentHoldsAddress(link.href.slice(hash + 1)))
        found.add(clipEvidence(link.href, 120));
    }
    const hits: SignalHit[] = [];
    if (found.size > 0) hits.push({ id: 'URL_ADDRESS_IN_FRAGMENT', evidence: [...found].slice(0, 3) });
    return hits;
  },
};
