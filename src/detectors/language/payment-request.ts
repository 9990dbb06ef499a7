/**
 * Catches: requests that move money - gift cards to buy and codes to send, wire transfers to
 * push through quietly, a supplier's "new bank details", overdue invoices with a link to pay.
 * Example threat: "Please process a wire transfer today and keep it confidential; our old
 * account is under audit, use the new bank details below."
 * Known false positives: genuine supplier notices of a bank change (rare, and they deserve a
 * call-back anyway) and ordinary billing reminders, which only reach the weak invoice signal.
 */
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { lexiconDetector } from './lexicon-detector.ts';
import {
  BANK_DETAILS_CHANGE_PHRASES,
  GIFT_CARD_PHRASES,
  INVOICE_PAYMENT_PHRASES,
  WIRE_TRANSFER_PHRASES,
} from './lexicons/payment-request.ts';

/** An invoice reminder only matters with something to act on: a web link or an attached file. */
function hasLinkOrAttachment(ctx: ScanContext): boolean {
  const { links, attachments } = ctx.message;
  return (
    links.some((l) => l.kind !== 'image' && (l.scheme === 'http' || l.scheme === 'https')) ||
    attachments.some((a) => a.disposition !== 'inline')
  );
}

export const paymentRequestDetector = lexiconDetector('language.payment-request', [
  {
    signal: {
      id: 'LANG_GIFT_CARD_REQUEST',
      group: 'language',
      weight: 4,
      indicates: 'phish',
      description: 'The message asks the reader to buy gift cards or send back their codes, a hallmark of executive impersonation.',
    },
    phrases: GIFT_CARD_PHRASES,
  },
  {
    signal: {
      id: 'LANG_WIRE_TRANSFER_REQUEST',
      group: 'language',
      weight: 3,
      indicates: 'phish',
      description: 'The message presses the reader to make a wire or bank transfer quickly or confidentially.',
    },
    phrases: WIRE_TRANSFER_PHRASES,
  },
  {
    signal: {
      id: 'LANG_BANK_DETAILS_CHANGE',
      group: 'language',
      weight: 4,
      indicates: 'phish',
      description: 'The message announces new bank or payroll details for future payments, the core of invoice and payroll fraud.',
    },
    phrases: BANK_DETAILS_CHANGE_PHRASES,
  },
  {
    signal: {
      id: 'LANG_INVOICE_PAYMENT_REQUEST',
      group: 'language',
      weight: 1,
      indicates: 'phish',
      description: 'The message chases an overdue or outstanding invoice and offers a link or file to settle it.',
    },
    phrases: INVOICE_PAYMENT_PHRASES,
    applies: hasLinkOrAttachment,
  },
]);
