/**
 * sender.recipients: the message names no recipients, or only the sender, so the real
 * recipients were all blind-copied.
 *
 * Catches: bulk phishing and advance-fee runs sent to hundreds of addresses by Bcc, with
 * `To: undisclosed-recipients:;`, no To at all, or `To: "Recipients" <the sender's own address>`.
 *
 * Known false positives: announcements and invitations sent by Bcc on purpose, people who copy
 * themselves. Weak, and halved for mail that declares itself list or bulk mail.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import { headerValue } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_RECIPIENTS_UNDISCLOSED',
    group: 'sender',
    weight: 1,
    indicates: 'spam',
    description:
      'The message names no recipients or only its own sender: it was blind-copied to its real recipients, as mass mailings are.',
  },
] as const satisfies readonly SignalDefinition[];

export const recipientsDetector: Detector = {
  id: 'sender.recipients',
  stage: 'analyze',
  signals,
  run(ctx) {
    return recipientsHits(ctx);
  },
};

function recipientsHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  const visible = [...ctx.message.to, ...ctx.message.cc].map((a) => a.address).filter((a) => a.includes('@'));
  const factor = facts.bulk ? 0.5 : 1;
  if (visible.length === 0) {
    const to = headerValue(ctx.message, 'to');
    return [{ id: 'SENDER_RECIPIENTS_UNDISCLOSED', factor, evidence: [to ? clipEvidence(`To: ${to}`) : 'no To or Cc field'] }];
  }
  if (facts.fromAddress && visible.every((address) => address === facts.fromAddress)) {
    return [{ id: 'SENDER_RECIPIENTS_UNDISCLOSED', factor, evidence: [clipEvidence(`only recipient is the sender ${facts.fromAddress}`)] }];
  }
  return [];
}
