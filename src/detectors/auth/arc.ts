/**
 * auth.arc: the message carries an ARC chain (RFC 8617) that does not validate.
 *
 * Catches: a message edited after an intermediary sealed it, and forged ARC sets added to
 * borrow a forwarder's reputation (e.g. a fake `ARC-Authentication-Results: ... dmarc=pass`).
 * Known false positives: intermediaries that modify mail after sealing, and broken sealers;
 * ARC failures are common enough in legitimate mail that this weighs little. No ARC chain is
 * not a failure, and a seal key that DNS could not fetch is a temperror.
 */
import { clipEvidence, type SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { AUTH_TIMEOUT_MS, awaitAuthOutcome, dnsTemperror } from './auth-outcome.ts';

export const ARC_SIGNALS = [
  {
    id: 'AUTH_ARC_FAIL',
    group: 'auth',
    weight: 0.5,
    indicates: 'phish',
    description: 'The ARC chain of custody on the message is broken: a sealed hop was altered or the seals are not genuine.',
  },
] as const satisfies readonly SignalDefinition[];

export const arcDetector: Detector = {
  id: 'auth.arc',
  stage: 'analyze',
  signals: ARC_SIGNALS,
  timeoutMs: AUTH_TIMEOUT_MS,
  async run(ctx, abort) {
    const outcome = await awaitAuthOutcome(ctx, abort);
    const arc = outcome.arc;
    if (arc.result === 'temperror') throw dnsTemperror('ARC', outcome);
    if (arc.result !== 'fail') return [];
    return [{ id: 'AUTH_ARC_FAIL', evidence: [clipEvidence(`arc=fail at i=${arc.instance}${arc.comment ? ` (${arc.comment})` : ''}`)] }];
  },
};
