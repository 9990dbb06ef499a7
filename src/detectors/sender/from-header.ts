/**
 * sender.from-header: the From field is missing, or written in a way no mail program writes it.
 *
 * Catches: bulk phishing tools that leave From out, repeat it, or write
 * `Microsoft account team ,_<no-reply@access-accsecurity.example>` (a name the parser cannot
 * separate from the address, which some mail clients then show as just "Microsoft account team"),
 * and senders on hosts that are not real domains (`root@localhost`).
 *
 * Known false positives: system notifications from internal servers (cron, monitoring) that
 * send as `root@host.local`; rare on mail from outside. All signals are weak.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { hasPublicSuffix } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_FROM_MISSING',
    group: 'sender',
    weight: 2,
    indicates: 'phish',
    description: 'The message has no usable sender address.',
  },
  {
    id: 'SENDER_FROM_MALFORMED',
    group: 'sender',
    weight: 2,
    indicates: 'phish',
    description: 'The From field is malformed or repeated, which mail programs do not do but bulk phishing tools often do.',
  },
  {
    id: 'SENDER_FROM_NOT_A_DOMAIN',
    group: 'sender',
    weight: 1,
    indicates: 'phish',
    description: 'The sender address is on a host name that is not a real internet domain.',
  },
] as const satisfies readonly SignalDefinition[];

export const fromHeaderDetector: Detector = {
  id: 'sender.from-header',
  stage: 'analyze',
  signals,
  run(ctx) {
    return fromHeaderHits(ctx);
  },
};

function fromHeaderHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  if (facts.fromHeaders.length === 0) return [{ id: 'SENDER_FROM_MISSING', evidence: ['no From field'] }];
  const raw = clipEvidence(`From: ${facts.fromHeaders[0]}`);
  if (!facts.fromAddress) return [{ id: 'SENDER_FROM_MISSING', evidence: [raw] }];
  if (facts.fromRecovered) {
    return [{ id: 'SENDER_FROM_MALFORMED', evidence: [raw, clipEvidence(`address read as ${facts.fromAddress}`)] }];
  }
  const problem = syntaxProblem(facts.fromHeaders[0]);
  if (problem) return [{ id: 'SENDER_FROM_MALFORMED', evidence: [raw, problem] }];
  if (facts.fromHeaders.length > 1) {
    return [{ id: 'SENDER_FROM_MALFORMED', factor: 0.7, evidence: [`${facts.fromHeaders.length} From fields`, raw] }];
  }
  if (!hasPublicSuffix(facts.fromDomain)) {
    return [{ id: 'SENDER_FROM_NOT_A_DOMAIN', evidence: [raw] }];
  }
  return [];
}

const QUOTED = /"(?:[^"\\]|\\.)*"/g;
const COMMENT = /\((?:[^()\\]|\\.)*\)/g;
const ENCODED_WORD = /=\?[^?\s]+\?[bq]\?[^?\s]*\?=/gi;
const ADDRESS = /[^\s<>@,;:"()]+@[^\s<>@,;:"()]+/g;
/** Characters an unquoted display name may not contain: mail programs quote names like "Doe, Jane". */
const PHRASE_SPECIALS = /[,;:]/;

/**
 * What is wrong with a From value that parsers tolerate: several mailboxes
 * (`A, <a@x>, B, <b@x>`) or an unquoted name with list separators (`Team ,_<a@x>`).
 */
export function syntaxProblem(rawFrom: string): string | undefined {
  const bare = rawFrom.replace(QUOTED, '""').replace(COMMENT, '').replace(ENCODED_WORD, '');
  // `a@x.example <a@x.example>` repeats one address: sloppy but common in scripts, not a second mailbox.
  const mailboxes = new Set((bare.match(ADDRESS) ?? []).map((address) => address.toLowerCase())).size;
  if (mailboxes > 1) return `${mailboxes} addresses in one From field`;
  const angle = bare.indexOf('<');
  if (angle > 0 && PHRASE_SPECIALS.test(bare.slice(0, angle))) return 'unquoted separator in the display name';
  return undefined;
}
