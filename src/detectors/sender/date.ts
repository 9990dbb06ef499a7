/**
 * sender.date: the Date field is missing, unreadable, or far from when the message arrived.
 *
 * Catches: sending tools that leave Date out or write it wrongly (`07-29-2023`), and messages
 * dated days ahead (to stay at the top of a date-sorted inbox) or weeks back (replayed or
 * back-dated lures).
 *
 * Known false positives: senders whose computer clock is wrong, mail held for days in a queue.
 * The arrival time is the newest Received stamp (written by the receiving provider), so mail
 * scanned long after delivery (a backfill) is not "old"; without one, the scan clock is used.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import { headerValue } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';

const signals = [
  {
    id: 'SENDER_DATE_INVALID',
    group: 'sender',
    weight: 1,
    indicates: 'spam',
    description: 'The Date field is missing or unreadable, which ordinary mail programs never produce.',
  },
  {
    id: 'SENDER_DATE_FUTURE',
    group: 'sender',
    weight: 1,
    indicates: 'spam',
    description: 'The message is dated well after it arrived.',
  },
  {
    id: 'SENDER_DATE_PAST',
    group: 'sender',
    weight: 0.3,
    indicates: 'spam',
    description: 'The message is dated long before it arrived.',
  },
] as const satisfies readonly SignalDefinition[];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Clocks drift and time zones get mislabelled; beyond a day ahead it is deliberate or broken. */
const FUTURE_TOLERANCE = DAY;
/** SMTP retries give up after about five days; older than that was not merely delayed. */
const PAST_TOLERANCE = 7 * DAY;

export const dateDetector: Detector = {
  id: 'sender.date',
  stage: 'analyze',
  signals,
  run(ctx) {
    return dateHits(ctx);
  },
};

function dateHits(ctx: ScanContext): SignalHit[] {
  const raw = headerValue(ctx.message, 'date');
  if (!raw) return [{ id: 'SENDER_DATE_INVALID', evidence: ['no Date field'] }];
  const date = readDate(raw);
  if (!date) return [{ id: 'SENDER_DATE_INVALID', evidence: [clipEvidence(`Date: ${raw}`)] }];
  const arrived = arrivalTime(ctx);
  const offset = date.getTime() - arrived.getTime();
  const evidence = [clipEvidence(`Date: ${raw}`), `arrived ${arrived.toISOString()}`];
  if (offset > FUTURE_TOLERANCE) return [{ id: 'SENDER_DATE_FUTURE', evidence: [...evidence, `${Math.round(offset / HOUR)} h ahead`] }];
  if (-offset > PAST_TOLERANCE) return [{ id: 'SENDER_DATE_PAST', evidence: [...evidence, `${Math.round(-offset / DAY)} days behind`] }];
  return [];
}

/** RFC 5322 date-time, leniently: day name optional, seconds optional, any zone word, a trailing comment. */
const DATE_TIME =
  /^\s*(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*([+-]\d{4}|[a-z]{1,5})?\s*(?:\([^()]*\))?\s*$/i;

/**
 * The Date field read from its raw text. Parsers fill an unreadable Date with the current time,
 * which would hide exactly what this detector looks for, so the field is read here.
 * Zone names outside the standard (`CEST`) are read as UTC: off by hours, well within tolerance.
 */
export function readDate(raw: string): Date | undefined {
  const match = DATE_TIME.exec(raw);
  if (!match) return undefined;
  const text = raw.replace(/\([^()]*\)/g, '').trim();
  let time = Date.parse(text);
  if (Number.isNaN(time) && match[1]) time = Date.parse(`${text.slice(0, text.lastIndexOf(match[1])).trim()} +0000`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * The newest Received stamp (or the Delivery-Date some delivery agents add) when it is readable
 * and not after the scan, else the scan clock.
 */
export function arrivalTime(ctx: ScanContext): Date {
  const now = ctx.clock();
  const received = headerValue(ctx.message, 'received');
  const delivered = received ? received.slice(received.lastIndexOf(';') + 1) : headerValue(ctx.message, 'delivery-date');
  const stamp = delivered ? (readDate(delivered)?.getTime() ?? Date.parse(delivered)) : Number.NaN;
  if (Number.isNaN(stamp) || stamp > now.getTime() + HOUR) return now;
  return new Date(stamp);
}
