import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { dateDetector, readDate } from './date.ts';
import { testMessage } from './test-message.ts';

describe('sender.date', () => {
  it('flags a missing or unreadable Date', async () => {
    assert.deepEqual((await runDetector(dateDetector, testMessage({ date: null }))).get('SENDER_DATE_INVALID')?.evidence, [
      'no Date field',
    ]);
    assert.ok(
      (await runDetector(dateDetector, testMessage({ date: 'Sun, 06 Aug 2023 06:34:47 03:32:34 -0700' }))).has('SENDER_DATE_INVALID'),
    );
  });

  it('flags a date days after arrival', async () => {
    const hits = await runDetector(dateDetector, testMessage({ date: 'Sat, 07 Nov 2026 09:45:00 +0000' }));
    assert.equal(hits.get('SENDER_DATE_FUTURE')?.evidence.at(-1), '120 h ahead');
  });

  it('flags a date weeks before arrival', async () => {
    const hits = await runDetector(dateDetector, testMessage({ date: 'Fri, 02 Oct 2026 09:45:00 +0000' }));
    assert.equal(hits.get('SENDER_DATE_PAST')?.evidence.at(-1), '31 days behind');
  });

  it('measures from the delivery stamp, so a late scan of old mail is quiet', async () => {
    const hits = await runDetector(dateDetector, testMessage(), { now: new Date('2027-06-01T00:00:00Z') });
    assert.equal(hits.size, 0);
  });

  it('falls back to the scan clock without a Received stamp, tolerating clock drift', async () => {
    const drift = await runDetector(dateDetector, testMessage({ received: null, date: 'Mon, 02 Nov 2026 14:00:00 +0000' }));
    assert.equal(drift.size, 0);
    const ahead = await runDetector(dateDetector, testMessage({ received: null, date: 'Thu, 05 Nov 2026 10:00:00 +0000' }));
    assert.ok(ahead.has('SENDER_DATE_FUTURE'));
  });
});

describe('readDate', () => {
  it('reads standard, commented and non-standard-zone dates', () => {
    assert.equal(readDate('Tue,  1 Aug 2023 04:24:03 +0300 (+03)')?.toISOString(), '2023-08-01T01:24:03.000Z');
    assert.equal(readDate('Thu, 29 Aug 2002 16:58:04 CEST')?.toISOString(), '2002-08-29T16:58:04.000Z');
    assert.equal(readDate('24 Sep 2002 08:40:17 -0700')?.toISOString(), '2002-09-24T15:40:17.000Z');
  });

  it('refuses what is not a date-time', () => {
    assert.equal(readDate('11-04-2023'), undefined);
    assert.equal(readDate('Wed, 05 Jun 2024 21:44:06 +0000-62495-238'), undefined);
  });
});
