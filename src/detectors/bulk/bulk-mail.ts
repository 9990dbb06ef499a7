/**
 * Bulk mail: newsletters and mailing lists. Not threats by themselves; they decide between
 * `graymail` and `clean` for messages nothing else flags, and a discussion list (List-Id with
 * an archive or posting address) is a mildly trust-building context.
 * Example: a retailer's weekly offers with List-Unsubscribe -> graymail.
 * Known false positives: phishing sent through a compromised ESP account carries these headers too,
 * so the weights stay small.
 */
import { clipEvidence } from '../../core/signal.ts';
import { headerValue } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';

const BULK_PRECEDENCE = /^(bulk|list|junk)$/i;
const ESP_HEADERS = [
  'x-campaign',
  'x-campaignid',
  'x-mailgun-tag',
  'x-sg-eid',
  'x-mc-user',
  'x-sfmc-stack',
  'x-mailer-lid',
  'feedback-id',
  'x-csa-complaints',
];

export const bulkMail: Detector = {
  id: 'bulk.mail',
  stage: 'analyze',
  signals: [
    {
      id: 'BULK_NEWSLETTER',
      group: 'bulk',
      weight: 0,
      indicates: 'graymail',
      description: 'Bulk marketing or newsletter mail (unsubscribe header or bulk-sender markers)',
    },
    {
      id: 'BULK_MAILING_LIST',
      group: 'bulk',
      weight: -1,
      indicates: 'none',
      description: 'Delivered through a discussion mailing list with its own list headers',
    },
  ],
  run(ctx) {
    const { message } = ctx;
    const hits = [];
    const listId = headerValue(message, 'list-id');
    const listPost = headerValue(message, 'list-post') ?? headerValue(message, 'list-archive');
    if (listId && listPost) {
      hits.push({ id: 'BULK_MAILING_LIST', evidence: [clipEvidence(listId, 80)] });
      return hits;
    }
    const unsubscribe = headerValue(message, 'list-unsubscribe');
    const precedence = headerValue(message, 'precedence')?.trim() ?? '';
    const esp = ESP_HEADERS.find((h) => headerValue(message, h) !== undefined);
    if (unsubscribe || BULK_PRECEDENCE.test(precedence) || esp) {
      const evidence = unsubscribe ? 'List-Unsubscribe header' : esp ? `${esp} header` : `Precedence: ${precedence}`;
      hits.push({ id: 'BULK_NEWSLETTER', evidence: [evidence] });
    }
    return hits;
  },
};
