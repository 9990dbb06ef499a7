/**
 * Links and form targets on free hosting, app platforms, cloud storage, form builders, tunnels,
 * dynamic DNS and IPFS: where phishing pages are published at no cost under a reputable domain.
 *
 * Threat: "Your mailbox is almost full" with a button to `https://owa-upgrade.web.app/`, a
 * `docs.google.com/forms/...` asking for a password, or an html body whose `<form>` posts the
 * typed password to `https://collect-7f3a.workers.dev/`.
 *
 * Known false positives: plenty of honest projects live on netlify.app, Google Forms and the like,
 * so a plain link weighs little (blogs and project pages such as github.io or blogspot half as
 * much); the strong signals need a form posting there.
 * IPFS content addresses are rare in ordinary mail and weigh more.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { HOSTING_PLATFORMS, type HostingPlatform, IPFS_PATH, S3_REGIONAL_HOST } from './hosting-platforms.ts';
import { linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_FREE_HOSTING',
    group: 'links',
    weight: 2,
    indicates: 'phish',
    description:
      'A link goes to a free hosting, app, storage or form platform where anyone can publish a page, a common home for phishing pages.',
  },
  {
    id: 'URL_IPFS',
    group: 'links',
    weight: 5,
    indicates: 'phish',
    description: 'A link points to content on IPFS, a distributed web that cannot take pages down and is used to host phishing kits.',
  },
  {
    id: 'URL_FORM_FREE_HOSTING',
    group: 'links',
    weight: 7,
    indicates: 'phish',
    description: 'A form in the message sends what the reader types to a free hosting platform or an IP address.',
  },
] as const satisfies readonly SignalDefinition[];

const bySuffix = new Map<string, HostingPlatform[]>();
for (const platform of HOSTING_PLATFORMS) bySuffix.set(platform.suffix, [...(bySuffix.get(platform.suffix) ?? []), platform]);
const PATH_OF = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i;
const S3_PLATFORM: HostingPlatform = { suffix: 'amazonaws.com', kind: 'cloud storage', shared: true };

/** The free platform a URL lives on, if any. */
export function hostingPlatformOf(host: string, href: string): HostingPlatform | undefined {
  if (S3_REGIONAL_HOST.test(host)) return S3_PLATFORM;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const candidates = bySuffix.get(i === 0 ? host : labels.slice(i).join('.'));
    if (!candidates) continue;
    const ownHost = i === 0 || (i === 1 && labels[0] === 'www');
    const path = PATH_OF.exec(href)?.[1] ?? '/';
    const match = candidates.find((p) => (p.shared || !ownHost) && (!p.path || p.path.test(path)));
    if (match) return match;
  }
  return undefined;
}

export function isIpfsUrl(href: string, scheme: string): boolean {
  return scheme === 'ipfs' || scheme === 'ipns' || (/ip[fn]s/i.test(href) && IPFS_PATH.test(href));
}

export const freeHostingDetector: Detector = {
  id: 'links.free-hosting',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const hosted = new Map<string, string>();
    let hostedFactor = 0;
    const ipfs = new Set<string>();
    const forms: string[] = [];
    let formWithPassword = false;
    const passwordActions = new Set(ctx.message.forms.filter((f) => f.hasPassword).map((f) => f.action.replace(/\s+/g, '')));
    for (const facts of linkFacts(ctx)) {
      const { link } = facts;
      let risky: string | undefined;
      if (isIpfsUrl(link.href, link.scheme)) {
        ipfs.add(clipEvidence(link.href, 100));
        risky = 'IPFS';
      }
      for (const target of facts.destinations) {
        const platform = target.isIp ? undefined : hostingPlatformOf(target.host, target.href);
        if (platform) {
          if (platform.kind === 'IPFS gateway' && isIpfsUrl(target.href, '')) ipfs.add(clipEvidence(target.href, 100));
          else if (link.kind !== 'image') {
            hosted.set(target.host, `${target.host} (${platform.kind})`);
            hostedFactor = Math.max(hostedFactor, platform.commonlyLegit ? 0.5 : 1);
          }
          risky ??= platform.kind;
        } else if (target.isIp && !target.carried) risky ??= 'IP address';
      }
      if (link.kind === 'form' && risky) {
        forms.push(clipEvidence(`form -> ${facts.host || link.href} (${risky})`));
        if (passwordActions.has(link.href.replace(/\s+/g, ''))) formWithPassword = true;
      }
    }
    const hits: SignalHit[] = [];
    if (hosted.size > 0) hits.push({ id: 'URL_FREE_HOSTING', factor: hostedFactor, evidence: [...hosted.values()].slice(0, 3) });
    if (ipfs.size > 0) hits.push({ id: 'URL_IPFS', evidence: [...ipfs].slice(0, 3) });
    if (forms.length > 0) hits.push({ id: 'URL_FORM_FREE_HOSTING', factor: formWithPassword ? 1 : 0.7, evidence: forms.slice(0, 3) });
    return hits;
  },
};
