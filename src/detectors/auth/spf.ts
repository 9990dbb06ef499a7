/**
 * auth.spf: the connecting server was not allowed to send for the envelope sender's domain.
 *
 * Catches: mail from a spoofed envelope domain, e.g. `MAIL FROM:<billing@bank.example>` sent
 * from a botnet address the bank's SPF record excludes with `-all` (fail) or `~all` (softfail).
 * Known false positives: plain forwarding (the forwarder's IP is not in the original sender's
 * record) and senders whose record forgot a new outbound service; both usually still pass DKIM,
 * so a failure is weighed at half when DMARC passed. SPF is only evaluated with a client IP we
 * can trust (envelope, or the trusted receiving server's Received field); without one, nothing
 * is recorded. A DNS failure is a temperror, never a failure.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { AUTH_TIMEOUT_MS, awaitAuthOutcome, dnsTemperror } from './auth-outcome.ts';

export const SPF_SIGNALS = [
  {
    id: 'AUTH_SPF_FAIL',
    group: 'auth',
    weight: 1.0,
    indicates: 'phish',
    description: "The sending server is explicitly not allowed to send for the envelope sender's domain (SPF fail).",
  },
  {
    id: 'AUTH_SPF_SOFTFAIL',
    group: 'auth',
    weight: 0.3,
    indicates: 'spam',
    description: "The sender's domain says the sending server is probably not allowed to send for it (SPF softfail).",
  },
] as const satisfies readonly SignalDefinition[];

export const spfDetector: Detector = {
  id: 'auth.spf',
  stage: 'analyze',
  signals: SPF_SIGNALS,
  timeoutMs: AUTH_TIMEOUT_MS,
  async run(ctx, abort) {
    const outcome = await awaitAuthOutcome(ctx, abort);
    const spf = outcome.spf;
    if (!spf.evaluated) return [];
    if (spf.result === 'temperror') throw dnsTemperror('SPF', outcome);
    if (spf.result !== 'fail' && spf.result !== 'softfail') return [];
    const evidence = [
      clipEvidence(`spf=${spf.result} for ${spf.domain} (${spf.identity}) from ${spf.clientIp}`),
      spf.ipSource === 'received' ? "client IP from the trusted receiving server's Received field" : 'client IP from the SMTP envelope',
    ];
    const hit: SignalHit = { id: spf.result === 'fail' ? 'AUTH_SPF_FAIL' : 'AUTH_SPF_SOFTFAIL', evidence };
    if (outcome.dmarc.result === 'pass') {
      hit.factor = 0.5;
      evidence.push('DMARC passed (forwarded mail fails SPF this way)');
    }
    return [hit];
  },
};
