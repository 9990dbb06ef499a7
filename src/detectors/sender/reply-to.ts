/**
 * sender.reply-to: the Reply-To address sends answers somewhere else than the From address.
 *
 * Catches: business-email-compromise and advance-fee lures that show a credible From (a company,
 * a brand, a spoofed or compromised mailbox) but collect the replies in a mailbox the attacker
 * controls, very often a free-mail one: `From: accounts@supplier.example`,
 * `Reply-To: supplier.accounts@gmail.com`.
 *
 * Known false positives: newsletters whose replies go to a helpdesk domain of the same company
 * (weak signal, halved for bulk mail), contact-form notifications whose Reply-To is the visitor's
 * free-mail address, people who ask for replies to their private mailbox. Mailing lists that set
 * Reply-To to the list address are skipped.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { isFreemail } from '../shared/freemail.ts';
import { isBulkSenderDomain } from './bulk-senders.ts';
import { relatedDomains } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_REPLY_TO_MISMATCH',
    group: 'sender',
    weight: 1,
    indicates: 'phish',
    description: 'Replies go to a domain that is not the sender’s own.',
  },
  {
    id: 'SENDER_REPLY_TO_FREEMAIL',
    group: 'sender',
    weight: 3.5,
    indicates: 'phish',
    description: 'Replies go to a free-mail mailbox although the sender writes from an organisation’s domain.',
  },
  {
    id: 'SENDER_REPLY_TO_OTHER_FREEMAIL',
    group: 'sender',
    weight: 1.5,
    indicates: 'phish',
    description: 'A free-mail sender asks for replies to a different free-mail mailbox.',
  },
] as const satisfies readonly SignalDefinition[];

/** List servers name themselves in List-Post; a Reply-To pointing there is the list, not a diversion. */
const LIST_POST_ADDRESS = /mailto:([^>?\s]+)/i;

export const replyToDetector: Detector = {
  id: 'sender.reply-to',
  stage: 'analyze',
  signals,
  run(ctx) {
    return replyToHits(ctx);
  },
};

function replyToHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  if (!facts.fromAddress || ctx.message.replyTo.length === 0) return [];
  const skipped = listAddresses(ctx);
  // The first Reply-To that diverts answers explains the signal; a second one adds nothing.
  for (const replyTo of ctx.message.replyTo) {
    const address = replyTo.address;
    if (!address.includes('@') || address === facts.fromAddress || skipped.has(address)) continue;
    // Group services (Google Groups, groups.io) answer to the group's own address.
    if (isBulkSenderDomain(replyTo.domain)) continue;
    const evidence = [clipEvidence(`Reply-To ${address}`), clipEvidence(`From ${facts.fromAddress}`)];
    if (isFreemail(replyTo.domain)) {
      return [{ id: facts.fromIsFreemail ? 'SENDER_REPLY_TO_OTHER_FREEMAIL' : 'SENDER_REPLY_TO_FREEMAIL', evidence }];
    }
    if (!relatedDomains(replyTo.domain, facts.fromDomain)) {
      return [{ id: 'SENDER_REPLY_TO_MISMATCH', factor: facts.bulk ? 0.5 : 1, evidence }];
    }
  }
  return [];
}

/** Addresses a Reply-To may legitimately point at: the recipients (lists, reply-all) and the list's posting address. */
function listAddresses(ctx: ScanContext): Set<string> {
  const addresses = new Set([...ctx.message.to, ...ctx.message.cc].map((a) => a.address).filter(Boolean));
  for (const header of ctx.message.headers) {
    if (header.key !== 'list-post') continue;
    const posting = LIST_POST_ADDRESS.exec(header.value)?.[1];
    if (posting) addresses.add(posting.toLowerCase());
  }
  return addresses;
}
