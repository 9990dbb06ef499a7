import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../pipeline/create-engine.ts';

const engine = createEngine();

async function signalsOf(raw: string) {
  const report = await engine.scan(new TextEncoder().encode(raw));
  return { report, ids: new Map(report.signals.map((s) => [s.id, s])) };
}

/** A mailbox-quota lure of the kind no lexicon names exactly: the words are ordinary, the ask is not. */
const QUOTA_LURE = [
  'From: "Mail Administrator" <admin@mailquota-service.example.net>',
  'To: ines.costa@example.com',
  'Subject: Your mailbox is almost full (98%)',
  'Date: Wed, 18 Nov 2026 06:41:00 +0000',
  'Message-ID: <q-77@mailquota-service.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Dear ines.costa@example.com,</p>',
  '<p>Your mailbox has used 98% of its storage. Incoming messages are being held on the server.</p>',
  '<p>Sign in below with your email password to increase your quota and release your pending messages.</p>',
  '<p><a href="https://quota-upgrade.example.net/owa/login.php">Increase Storage</a></p>',
  '<p>Messages held for more than 48 hours will be deleted.</p>',
  '',
].join('\r\n');

/** A colleague's note: short, plain, and about work. */
const COLLEAGUE_NOTE = [
  'From: Jonas Meyer <jonas.meyer@example.com>',
  'To: Ines Costa <ines.costa@example.com>',
  'Subject: Re: slides for Thursday',
  'Date: Wed, 18 Nov 2026 09:12:00 +0000',
  'Message-ID: <n-12@example.com>',
  '',
  'Hi Ines,',
  '',
  'Thanks, the slides look good. I moved the budget table to the appendix and fixed two typos.',
  'See you at the review on Thursday.',
  '',
  'Jonas',
  '',
].join('\r\n');

describe('content model detector', () => {
  it('rates a mailbox-quota lure as a likely threat, with its probability and strongest terms as evidence', async () => {
    const { report, ids } = await signalsOf(QUOTA_LURE);
    const threat = ids.get('MODEL_CONTENT_THREAT');
    assert.ok(threat, `signals: ${[...ids.keys()].join(', ')}`);
    assert.match(threat.evidence[0], /^probability 0\.\d+$/);
    assert.ok(Number(threat.evidence[0].split(' ')[1]) >= 0.3);
    assert.match(threat.evidence[1] ?? '', /^strongest: /);
    assert.ok(['suspicious', 'phish'].includes(report.verdict.class), report.verdict.class);
  });

  it('stays quiet on a colleague’s note and reads it as ordinary mail', async () => {
    const { report, ids } = await signalsOf(COLLEAGUE_NOTE);
    assert.equal(ids.has('MODEL_CONTENT_THREAT'), false);
    assert.ok(ids.has('MODEL_CONTENT_LEGITIMATE'), `signals: ${[...ids.keys()].join(', ')}`);
    assert.equal(report.verdict.class, 'clean');
  });

  it('adds a tenant layer only for the scan it is given to', async () => {
    const plain = await signalsOf(COLLEAGUE_NOTE);
    const withLayer = await engine.scan(new TextEncoder().encode(COLLEAGUE_NOTE), {
      settings: { contentModelLayer: { weights: new Map(), updates: 0 } },
    });
    assert.deepEqual(
      withLayer.signals.map((s) => s.id),
      plain.report.signals.map((s) => s.id),
    );
  });
});
