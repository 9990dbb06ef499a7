/**
 * Links that pass through a redirector: a known open redirect of a reputable site (Google,
 * Bing, YouTube, Facebook...), or any URL that carries another site's URL in its path or query.
 *
 * Threat: `https://www.google.com/url?q=https://login-check.example/` or
 * `https://www.bing.com/ck/a?...&u=a1aHR0cHM6Ly9...` (base64 target): the visible host is
 * trusted, the destination is not.
 *
 * Known false positives: marketing click-trackers routinely carry the destination in their
 * query, so the generic form is only a weak hint; mail-security link wrappers (Safe Links,
 * URL Defense, Mimecast) are ignored here (their targets are still checked by the other detectors).
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { type LinkFacts, linkFacts } from './link-facts.ts';
import { KNOWN_REDIRECTORS, REDIRECTOR_SITE, SECURITY_WRAPPER_HOST } from './redirectors.ts';

const SIGNALS = [
  {
    id: 'URL_OPEN_REDIRECT',
    group: 'links',
    weight: 4,
    indicates: 'phish',
    description: "A link uses a well-known site's open redirect (e.g. google.com/url) to send the reader to another site.",
  },
  {
    id: 'URL_REDIRECT_PARAM',
    group: 'links',
    weight: 0.5,
    indicates: 'phish',
    description: "A link carries another site's address inside it and will forward the reader there (common in click tracking).",
  },
] as const satisfies readonly SignalDefinition[];

const AFTER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
const AMP_TARGET = /\/amp\/s\/([^/?#]+)/i;
/** `www-example-com.translate.goog` proxies `www.example.com`: single hyphens were dots, double hyphens hyphens. */
const TRANSLATE_HOST = /^([a-z0-9-]+)\.translate\.goog$/;

/** Where a known redirector sends the reader, when it can be read from the link. */
function redirectorTarget(facts: LinkFacts): string | undefined {
  const foreign = facts.embedded.find((e) => e.domain !== facts.domain);
  if (foreign) return foreign.host;
  const amp = AMP_TARGET.exec(facts.link.href)?.[1];
  if (amp) return amp.toLowerCase();
  const proxied = TRANSLATE_HOST.exec(facts.host)?.[1];
  return proxied
    ?.replace(/--/g, '\u0000')
    .replace(/-/g, '.')
    .replace(/\u0000/g, '-');
}

export const openRedirectDetector: Detector = {
  id: 'links.open-redirect',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const known: string[] = [];
    const generic: string[] = [];
    for (const facts of linkFacts(ctx)) {
      if (!facts.host || !/^https?$/.test(facts.link.scheme)) continue;
      const hostPath = REDIRECTOR_SITE.test(facts.host) ? facts.host + facts.link.href.replace(AFTER_SCHEME, '') : '';
      const redirector = hostPath ? KNOWN_REDIRECTORS.find((r) => r.pattern.test(hostPath)) : undefined;
      if (redirector) {
        const target = redirectorTarget(facts);
        if (target) known.push(clipEvidence(`${redirector.name}: ${facts.host} -> ${target}`));
        continue;
      }
      // A host that cannot resolve (e.g. two addresses run together, `site.comhttp`) sends the reader nowhere.
      if (facts.link.kind === 'image' || SECURITY_WRAPPER_HOST.test(facts.host) || !facts.resolvable) continue;
      const foreign = facts.embedded.find((e) => e.domain !== facts.domain && e.site !== facts.site);
      if (foreign) generic.push(clipEvidence(`${facts.host} -> ${foreign.host}`));
    }
    const hits: SignalHit[] = [];
    if (known.length > 0) hits.push({ id: 'URL_OPEN_REDIRECT', evidence: [...new Set(known)].slice(0, 3) });
    if (generic.length > 0) hits.push({ id: 'URL_REDIRECT_PARAM', evidence: [...new Set(generic)].slice(0, 3) });
    return hits;
  },
};
