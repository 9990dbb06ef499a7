/**
 * behaviour.correspondent-lookalike: the sending domain imitates a domain the organisation
 * really corresponds with: one typo away, the same name under another suffix, confusable
 * letters, or the real name inside a subdomain or hyphenated name.
 *
 * Catches: `northwind-supp1ies.example` announcing new bank details in place of
 * `northwind-supplies.example`, the supplier the finance team has paid for years. Brands are
 * covered by the link and sender detectors; this covers the tenant's own partners, learned.
 * Known false positives: two genuine partners with similar names, when one of them is new.
 */

import type { TenantBehaviour } from '../../behaviour/tenant-behaviour.ts';
import { clipEvidence, type SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { LookalikeIndex, type LookalikeMatch, type ProtectedDomain } from '../shared/lookalike.ts';
import { behaviourFacts } from './behaviour-facts.ts';

const signals = [
  {
    id: 'BEH_CORRESPONDENT_LOOKALIKE',
    group: 'behaviour',
    weight: 5,
    indicates: 'phish',
    description: 'The sending domain imitates a domain the organisation really corresponds with (typo, other suffix, confusable letters).',
  },
] as const satisfies readonly SignalDefinition[];

/** Short names are ordinary words too often to be matched by typo. */
const DISTINCTIVE_LENGTH = 5;
/** A young model rebuilds as it doubles; a grown one at most every this many messages. */
const REBUILD_EVERY = 2000;
const MAX_PROTECTED = 500;

interface Built {
  version: number;
  learnedAt: number;
  index: LookalikeIndex;
  /** Distinctive names of established domains (`northwind-supplies`), for `northwind-supplies-billing.example`. */
  labels: Map<string, string>;
}

const built = new WeakMap<TenantBehaviour, Built>();

function indexFor(model: TenantBehaviour, orgSites: Iterable<string>): Built {
  const current = built.get(model);
  if (current && (current.version === model.establishedVersion || !rebuildDue(model.learned, current.learnedAt))) return current;
  const domains: ProtectedDomain[] = [];
  const labels = new Map<string, string>();
  for (const site of [...strongestRelationships(model), ...orgSites]) {
    const label = site.split('.')[0] ?? '';
    const distinctive = label.length >= DISTINCTIVE_LENGTH;
    domains.push({ domain: site, owner: site, distinctive });
    if (distinctive) labels.set(label, site);
  }
  const index = { version: model.establishedVersion, learnedAt: model.learned, index: new LookalikeIndex(domains), labels };
  built.set(model, index);
  return index;
}

/**
 * The established domains with the most two-way mail: the partners worth imitating. Capped so
 * the typo comparison of an unknown domain stays cheap in a tenant with thousands of contacts.
 */
function strongestRelationships(model: TenantBehaviour): string[] {
  const scored: Array<[string, number]> = [];
  for (const site of model.establishedDomains()) {
    const p = model.domain(site);
    if (p) scored.push([site, p.outbound * 2 + p.inbound]);
  }
  if (scored.length > MAX_PROTECTED) scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, MAX_PROTECTED).map(([site]) => site);
}

/** The partner's whole name with words added by hyphen: `northwind-supplies-billing`, `pay-northwind-supplies`. */
function hyphenatedMatch(labels: Map<string, string>, domain: string): LookalikeMatch | undefined {
  const label = domain.split('.').at(-2) ?? '';
  const parts = label.split('-');
  for (let from = 0; from < parts.length; from++) {
    for (let to = parts.length; to > from; to--) {
      if (from === 0 && to === parts.length) continue;
      const target = labels.get(parts.slice(from, to).join('-'));
      if (target) return { kind: 'hyphenated', target, owner: target };
    }
  }
  return undefined;
}

export const correspondentLookalikeDetector: Detector = {
  id: 'behaviour.correspondent-lookalike',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction !== 'inbound' || !facts.fromSite || facts.fromFreemail) return [];
    // A domain already sending clean mail for a while was judged then; new and rare ones are compared.
    const seen = model.domain(facts.fromSite);
    if (seen && (seen.inbound >= 3 || seen.outbound > 0)) return [];
    const { index, labels } = indexFor(model, ctx.orgDomains());
    const match = index.match(facts.fromDomain) ?? hyphenatedMatch(labels, facts.fromSite);
    if (!match) return [];
    const partner = model.domain(match.target);
    const relation = partner
      ? `${partner.outbound} messages sent to it, ${partner.inbound} received since ${new Date(partner.firstSeen).toISOString().slice(0, 10)}`
      : 'the organisation’s own domain';
    return [
      {
        id: 'BEH_CORRESPONDENT_LOOKALIKE',
        evidence: [
          clipEvidence(`${facts.fromDomain} looks like ${match.target} (${match.kind})`),
          clipEvidence(`${match.target}: ${relation}`),
        ],
      },
    ];
  },
};

function rebuildDue(learned: number, learnedAt: number): boolean {
  return learned - learnedAt >= Math.min(REBUILD_EVERY, Math.max(16, learnedAt));
}
