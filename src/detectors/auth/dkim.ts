/**
 * auth.dkim: a DKIM signature is present but does not verify.
 *
 * Catches: a message altered after signing, e.g. a genuine signed invoice whose bank details
 * were edited (bad signature, or body hash mismatch), and fake `DKIM-Signature` fields added
 * to look authenticated (no key published under the selector, weighed lower because keys of
 * old mail get rotated away). The body hash is computed locally, so a body changed after
 * signing is known even offline.
 * Known false positives: mailing lists and security gateways that add footers or rewrite links
 * (body hash mismatch), and relays that re-encode. When another signature on the message
 * passes, failures weigh less. A missing signature is not a failure here, and a DNS failure is
 * a temperror.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { AUTH_TIMEOUT_MS, awaitAuthOutcome, type DkimSignatureOutcome, dnsTemperror } from './auth-outcome.ts';

export const DKIM_SIGNALS = [
  {
    id: 'AUTH_DKIM_FAIL',
    group: 'auth',
    weight: 1.0,
    indicates: 'phish',
    description: 'A DKIM signature on the message does not verify: the signed headers were changed or the signature is fake.',
  },
  {
    id: 'AUTH_DKIM_BODY_HASH_MISMATCH',
    group: 'auth',
    weight: 0.5,
    indicates: 'phish',
    description: 'The message body was changed after it was DKIM-signed (body hash mismatch), e.g. in transit or by a list footer.',
  },
] as const satisfies readonly SignalDefinition[];

/** Failing signatures may weigh less when another signature on the message verifies. */
const OTHER_SIGNATURE_PASSED = 0.3;
/** A selector without a published key: fake signature, or a key rotated away since. */
const NO_KEY = 0.3;
const NO_KEY_COMMENTS = new Set(['no key', 'invalid public key']);

function describe(s: DkimSignatureOutcome): string {
  return clipEvidence(`d=${s.domain} s=${s.selector}: ${s.result}${s.comment ? ` (${s.comment})` : ''}`);
}

export const dkimDetector: Detector = {
  id: 'auth.dkim',
  stage: 'analyze',
  signals: DKIM_SIGNALS,
  timeoutMs: AUTH_TIMEOUT_MS,
  async run(ctx, abort) {
    const outcome = await awaitAuthOutcome(ctx, abort);
    const signatures = outcome.dkim;
    const passed = signatures.filter((s) => s.result === 'pass');
    const scale = passed.length > 0 ? OTHER_SIGNATURE_PASSED : 1;
    const hits: SignalHit[] = [];

    const badSignature = signatures.filter((s) => s.result === 'fail');
    const noKey = signatures.filter((s) => s.result === 'neutral' && NO_KEY_COMMENTS.has(s.comment));
    if (badSignature.length > 0 || noKey.length > 0) {
      const factor = (badSignature.length > 0 ? 1 : NO_KEY) * scale;
      hits.push({ id: 'AUTH_DKIM_FAIL', factor, evidence: [...badSignature, ...noKey].slice(0, 3).map(describe) });
    }
    const bodyChanged = signatures.filter((s) => s.bodyHashMismatch);
    if (bodyChanged.length > 0) {
      hits.push({ id: 'AUTH_DKIM_BODY_HASH_MISMATCH', factor: scale, evidence: bodyChanged.slice(0, 3).map(describe) });
    }
    if (passed.length > 0) for (const hit of hits) hit.evidence.push(clipEvidence(`another signature verified: d=${passed[0].domain}`));

    if (hits.length === 0 && passed.length === 0 && signatures.some((s) => s.result === 'temperror')) throw dnsTemperror('DKIM', outcome);
    return hits;
  },
};
