/**
 * auth.dmarc: the visible From domain was not authenticated by an aligned SPF or DKIM pass.
 *
 * Catches: direct spoofing of a protected domain, e.g. `From: payroll@bigbank.example` sent
 * from anywhere else; weighed by the policy the domain publishes (p=reject: the owner says
 * such mail is never theirs; p=none: failures are often their own misconfigured services).
 * An aligned pass is recorded with a small negative weight: the From domain is genuine, which
 * says nothing about whether its owner is honest.
 * Known false positives: forwarded mail that broke DKIM, and domains with p=none whose own
 * services are not set up. A fail that an SPF pass could have prevented is not recorded when
 * SPF could not be evaluated (client IP unknown), and DNS failures are temperrors.
 * Plain absence (no DKIM, no SPF record, no DMARC record) is common in old legitimate mail and
 * weighs very little.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { AUTH_TIMEOUT_MS, type AuthOutcome, awaitAuthOutcome, dnsTemperror } from './auth-outcome.ts';

export const DMARC_SIGNALS = [
  {
    id: 'AUTH_DMARC_FAIL',
    group: 'auth',
    weight: 2.5,
    indicates: 'phish',
    description: "The From domain's DMARC check failed: neither SPF nor DKIM authenticated that domain. Weighed by the domain's policy.",
  },
  {
    id: 'AUTH_DMARC_PASS',
    group: 'auth',
    weight: -0.5,
    indicates: 'none',
    description: 'The From domain is authenticated (DMARC pass): the message really comes from that domain.',
  },
  {
    id: 'AUTH_NONE',
    group: 'auth',
    weight: 0.2,
    indicates: 'spam',
    description: 'The sender uses no email authentication at all (no DKIM signature, no SPF or DMARC record).',
  },
] as const satisfies readonly SignalDefinition[];

/** How much a DMARC failure weighs, by the policy the domain publishes. */
export const DMARC_POLICY_FACTOR = { reject: 1, quarantine: 0.7, none: 0.3 } as const;

function noAuthentication(outcome: AuthOutcome): boolean {
  const spf = outcome.spf;
  return outcome.dkim.length === 0 && spf.evaluated && (spf.result === 'none' || spf.result === 'neutral');
}

export const dmarcDetector: Detector = {
  id: 'auth.dmarc',
  stage: 'analyze',
  signals: DMARC_SIGNALS,
  timeoutMs: AUTH_TIMEOUT_MS,
  async run(ctx, abort) {
    const outcome = await awaitAuthOutcome(ctx, abort);
    const dmarc = outcome.dmarc;
    switch (dmarc.result) {
      case 'fail': {
        const policy = dmarc.policy ?? 'none';
        const hit: SignalHit = {
          id: 'AUTH_DMARC_FAIL',
          factor: DMARC_POLICY_FACTOR[policy],
          evidence: [clipEvidence(`dmarc=fail for ${dmarc.fromDomain} (policy ${dmarc.policy ?? 'unknown'})`)],
        };
        return [hit];
      }
      case 'pass':
        return [{ id: 'AUTH_DMARC_PASS', evidence: [clipEvidence(`dmarc=pass for ${dmarc.fromDomain}`)] }];
      case 'none':
        return noAuthentication(outcome)
          ? [
              {
                id: 'AUTH_NONE',
                evidence: [
                  clipEvidence(
                    `${dmarc.fromDomain}: no DKIM signature, SPF ${outcome.spf.evaluated ? outcome.spf.result : '-'}, no DMARC record`,
                  ),
                ],
              },
            ]
          : [];
      case 'temperror':
        throw dnsTemperror('DMARC', outcome);
      default:
        // permerror (broken record), skipped (no single author domain), unverified (SPF unknown).
        return [];
    }
  },
};
