import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pino from 'pino';
import { EmbeddedJobQueue } from '../queue/embedded/embedded-queue.ts';
import type { Placement } from '../storage/message-locations.ts';
import { ingestOne, type Seeded, seedTenant } from '../storage/testing/fixtures.ts';
import { pgliteHarness, useDb } from '../storage/testing/harness.ts';
import { followKnownMessage } from './follow-known-message.ts';

const harness = pgliteHarness({ onDisk: false });
after(() => harness.cleanup());

describe('a known message listed in the inbox again', () => {
  const db = useDb(harness);
  const INBOX = { folder: 'INBOX', uidValidity: '7', uid: 41 };

  /** A message Mailward has put somewhere, with the quarantine entry an analyst left it in. */
  async function placed(placement: Placement, folder: string, entry?: 'quarantined' | 'released' | 'deleted') {
    const seeded: Seeded = await seedTenant(db());
    const message = await ingestOne(seeded);
    const t = seeded.tenant.id;
    await seeded.repos.locations.save(t, {
      messageId: message.id,
      mailboxId: seeded.mailbox.id,
      folder,
      uidValidity: '7',
      uid: 12,
      internalDate: new Date('2026-11-20T08:00:00Z'),
      placement,
    });
    if (entry) await seeded.repos.quarantine.quarantine(t, message.id, { reason: 'phish 14.0', decidedBy: 'system' });
    if (entry === 'released') await seeded.repos.quarantine.release(t, message.id, 'user:analyst');
    if (entry === 'deleted') await seeded.repos.quarantine.markDeleted(t, message.id, 'user:analyst');
    const queue = new EmbeddedJobQueue({ db: db(), log: pino({ level: 'silent' }) });
    // The sync fetched the message a while after Mailward last moved it.
    const follow = (seenAt = new Date(Date.now() + 60_000)) =>
      followKnownMessage(
        { repos: seeded.repos, queue },
        { tenantId: t, mailboxId: seeded.mailbox.id, messageId: message.id, ref: INBOX, seenAt },
      );
    const plannedActions = async () =>
      (
        await db().query<{ action: string }>(
          "SELECT payload->>'action' AS action FROM jobs WHERE type = 'apply-action' AND payload->>'messageId' = $1 ORDER BY id",
          [message.id],
        )
      ).rows.map((r) => r.action);
    const audit = async () => (await seeded.repos.audit.list(t, { targetId: message.id })).items.map((e) => e.action);
    const location = async () => seeded.repos.locations.get(t, message.id);
    return { follow, plannedActions, audit, location };
  }

  it('is a resync when it never left the inbox: only its UID is refreshed', async () => {
    const m = await placed('inbox', 'INBOX');
    assert.equal(await m.follow(), 'resynced');
    assert.equal((await m.location())?.uid, 41);
    assert.deepEqual(await m.plannedActions(), []);
    assert.deepEqual(await m.audit(), []);
  });

  it('goes back to the quarantine while still quarantined, once per reappearance, and the bypass is audited', async () => {
    const m = await placed('quarantine-folder', 'Mailward Quarantine', 'quarantined');
    assert.equal(await m.follow(), 'requarantined');
    assert.deepEqual(await m.plannedActions(), ['quarantine']);
    assert.deepEqual(await m.audit(), ['mailbox.quarantine-bypassed']);
    const where = await m.location();
    assert.deepEqual([where?.folder, where?.uid, where?.placement], ['INBOX', 41, 'inbox'], 'recorded where it really is');
    assert.equal(await m.follow(), 'resynced', 'listed again before the action ran: nothing new');
    assert.deepEqual(await m.plannedActions(), ['quarantine']);
  });

  it('is deleted again after an analyst deleted it', async () => {
    const m = await placed('removed', 'INBOX', 'deleted');
    assert.equal(await m.follow(), 'deleted-again');
    assert.deepEqual(await m.plannedActions(), ['delete']);
  });

  it('is left alone when Mailward moved it after the sync began reading it (the sync saw it on its way out)', async () => {
    const m = await placed('quarantine-folder', 'Mailward Quarantine', 'quarantined');
    assert.equal(await m.follow(new Date()), 'ignored');
    assert.deepEqual(await m.plannedActions(), []);
    assert.equal((await m.location())?.folder, 'Mailward Quarantine');
  });

  it('stays where the user put it after a release, or when rescued from junk', async () => {
    for (const m of [await placed('quarantine-folder', 'Mailward Quarantine', 'released'), await placed('junk', 'Junk')]) {
      assert.equal(await m.follow(), 'moved-by-user');
      assert.deepEqual(await m.plannedActions(), []);
      assert.deepEqual(await m.audit(), [], 'not a bypass: nothing to audit');
      assert.equal((await m.location())?.placement, 'inbox');
    }
  });
});
