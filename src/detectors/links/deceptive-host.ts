/**
 * Link hosts written in international characters (punycode), and those whose letters mix
 * scripts or are drawn entirely from look-alike letters of another script.
 *
 * Threat: `https://xn--80ak6aa92e.com/` displays as `аррӏе.com`, all Cyrillic, read as
 * `apple.com`; `https://xn--pypal-4ve.com/` mixes a Cyrillic `а` into `paypal`.
 *
 * Known false positives: genuine internationalised domains (Cyrillic names under `.ru`/`.рф`,
 * German umlauts, Asian scripts) only raise the weak punycode signal; a Cyrillic-only name under a
 * Cyrillic-using country suffix is not treated as a lookalike.
 */
import { domainToUnicode } from 'node:url';
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { confusableScriptsIn, hostParts, isWholeScriptLookalike } from '../shared/lookalike.ts';
import { linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_PUNYCODE_HOST',
    group: 'links',
    weight: 1,
    indicates: 'phish',
    description: 'A link goes to an internationalised (punycode) domain, which can display like a familiar one.',
  },
  {
    id: 'URL_MIXED_SCRIPT_HOST',
    group: 'links',
    weight: 6,
    indicates: 'phish',
    description: 'A link domain mixes alphabets (e.g. Latin with Cyrillic letters), a trick to imitate a known name.',
  },
  {
    id: 'URL_CONFUSABLE_HOST',
    group: 'links',
    weight: 5,
    indicates: 'phish',
    description:
      'A link domain is spelled entirely with foreign letters that look like Latin ones, so it reads as a different, familiar name.',
  },
] as const satisfies readonly SignalDefinition[];

/** Country suffixes where a Cyrillic or Greek name is the normal case, not a disguise. */
const NATIVE_SCRIPT_SUFFIXES = /(?:^|\.)(?:ru|su|ua|by|bg|kz|kg|rs|mk|mn|tj|uz|gr|cy|am|xn--[a-z0-9-]+)$/;

export const deceptiveHostDetector: Detector = {
  id: 'links.deceptive-host',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    /** Host as written -> host with its Unicode reading, for evidence. */
    const punycode = new Map<string, string>();
    const mixed = new Set<string>();
    const confusable = new Set<string>();
    for (const facts of linkFacts(ctx)) {
      for (const { host, isIp } of facts.destinations) {
        if (isIp || !host.includes('xn--') || punycode.has(host)) continue;
        const shown = `${host} (${domainToUnicode(host) || '?'})`;
        punycode.set(host, shown);
        const parts = hostParts(host);
        if (!parts) continue;
        const labels = [...parts.subdomain.split('.'), parts.label].filter(Boolean);
        if (labels.some((label) => confusableScriptsIn(label).length > 1)) mixed.add(shown);
        else if (!NATIVE_SCRIPT_SUFFIXES.test(parts.suffix) && labels.some(isWholeScriptLookalike)) confusable.add(shown);
      }
    }
    const hits: SignalHit[] = [];
    const evidence = (values: Iterable<string>) => [...values].slice(0, 3).map((e) => clipEvidence(e));
    if (punycode.size > 0) hits.push({ id: 'URL_PUNYCODE_HOST', evidence: evidence(punycode.values()) });
    if (mixed.size > 0) hits.push({ id: 'URL_MIXED_SCRIPT_HOST', evidence: evidence(mixed) });
    if (confusable.size > 0) hits.push({ id: 'URL_CONFUSABLE_HOST', evidence: evidence(confusable) });
    return hits;
  },
};
