import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually, sleep } from '../../../src/queue/testing/wait.ts';
import { type Dovecot, type DovecotUser, startDovecot } from './dovecot.ts';
import { folderContents, header, moveAsUser } from './mailbox-view.ts';
import { colleagueMessage, phishMessage } from './messages.ts';
import { type ServiceWorld, startServiceWorld, tempDataDir } from './world.ts';

const alice: DovecotUser = { address: 'alice@example.com', password: 'alice-pw' };
const bob: DovecotUser = { address: 'bob@example.com', password: 'bob-pw' };
const carol: DovecotUser = { address: 'carol@example.com', password: 'carol-pw' };
const QUARANTINE = 'Mailward Quarantine';
const MAIN = resolve(import.meta.dirname, '../../../src/cli/main.ts');

interface MailboxView {
  id: string;
  status: string;
  lastError: string | null;
  connection: { cursor: { uidValidity: string; lastUid: number } | null; authKind: string } | null;
}

const messageIds = (messages: { raw: Buffer }[]) => messages.map((m) => header(m.raw, 'Message-ID'));

describe('protecting IMAP mailboxes on a real Dovecot', () => {
  let dovecot: Dovecot;
  let world: ServiceWorld & { adminKey: string };
  const data = tempDataDir();
  const mailboxes: Record<string, string> = {};

  const addMailbox = async (user: DovecotUser, extra: Record<string, unknown> = {}) => {
    const { status, body } = await world.call<MailboxView>('POST', '/mailboxes', {
      address: user.address,
      host: dovecot.host,
      port: dovecot.imapPort,
      tls: false,
      password: user.password,
      ...extra,
    });
    assert.equal(status, 201, JSON.stringify(body));
    return body;
  };
  // The service runs in this process: the command must run beside it, not block it.
  const mailwardCli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [MAIN, ...args],
        {
          encoding: 'utf8',
          env: { ...process.env, MAILWARD_URL: world.apiUrl.replace(/\/api\/v1$/, ''), MAILWARD_API_KEY: world.adminKey, ...env },
        },
        (error, stdout, stderr) => done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const mailbox = async (id: string) => (await world.call<MailboxView>('GET', `/mailboxes/${id}`)).body;
  const watching = async (id: string) =>
    eventually(async () => (await mailbox(id)).connection?.cursor ?? null, `mailbox ${id} synced`, 20_000);
  const messagesOf = async (mailboxId: string) =>
    (
      await world.call<{ items: { id: string; subject: string; verdict: { class: string } | null }[] }>(
        'GET',
        `/messages?mailboxId=${mailboxId}&limit=500`,
      )
    ).body.items;

  before(async () => {
    dovecot = await startDovecot([alice, bob, carol, { address: 'dave@example.com', password: 'right' }]);
    world = await startServiceWorld(data.dir);
    mailboxes.alice = (await addMailbox(alice, { quarantineMode: 'folder' })).id;
    mailboxes.bob = (await addMailbox(bob, { quarantineMode: 'delete' })).id;
    // Carol's mailbox is added with the command line, its password from an environment variable.
    const cli = await mailwardCli(
      [
        'mailbox',
        'add',
        carol.address,
        '--host',
        dovecot.host,
        '--port',
        String(dovecot.imapPort),
        '--plain',
        '--password-env',
        'CAROL_PW',
      ],
      {
        CAROL_PW: carol.password,
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    mailboxes.carol = /^added (\S+) {2}carol@example\.com {2}active/.exec(cli.stdout)?.[1] ?? '';
    assert.ok(mailboxes.carol, cli.stdout);
    for (const id of Object.values(mailboxes)) await watching(id);
  });

  after(async () => {
    await world?.running.stop();
    await dovecot?.stop();
    data.remove();
  });

  it('never returns credentials, and a wrong password shows as an error state on that mailbox only', async () => {
    const listed = await world.call<{ items: Record<string, unknown>[] }>('GET', '/mailboxes');
    assert.equal(JSON.stringify(listed.body).includes('alice-pw'), false);
    assert.equal(listed.body.items.length, 3);
    const { body: wrong } = await world.call<MailboxView>('POST', '/mailboxes', {
      address: 'dave@example.com',
      host: dovecot.host,
      port: dovecot.imapPort,
      tls: false,
      password: 'not-the-password',
    });
    const failed = await eventually(async () => {
      const view = await mailbox(wrong.id);
      return view.status === 'error' ? view : null;
    }, 'the wrong password to show');
    assert.match(failed.lastError ?? '', /CONNECTOR_AUTH_FAILED/);
    const tested = await world.call<{ ok: boolean; error: { code: string } }>('POST', `/mailboxes/${wrong.id}/test`);
    assert.equal(tested.body.ok, false);
    assert.equal(tested.body.error.code, 'CONNECTOR_AUTH_FAILED');
    const cli = await mailwardCli(['mailbox', 'test', 'dave@example.com']);
    assert.equal(cli.status, 1);
    assert.match(cli.stdout, /^failed: IMAP login refused for dave@example.com .*\[CONNECTOR_AUTH_FAILED\]/);
    assert.match((await mailwardCli(['mailbox', 'list'])).stdout, /dave@example\.com {2}error .*\n {4}error: CONNECTOR_AUTH_FAILED/);
    // The others carry on.
    assert.equal((await mailbox(mailboxes.alice)).status, 'active');
    const removed = await world.call<MailboxView>('DELETE', `/mailboxes/${wrong.id}`);
    assert.equal(removed.body.status, 'disabled');
  });

  it('quarantines a new phishing message within seconds and leaves a clean one untouched', async () => {
    const phish = phishMessage(alice.address);
    const clean = colleagueMessage(alice.address);
    await dovecot.deliver(phish.raw, [alice.address]);
    await dovecot.deliver(clean.raw, [alice.address]);
    const inbox = await eventually(async () => {
      const seen = await folderContents(dovecot, alice);
      return seen.length === 1 && (await folderContents(dovecot, alice, QUARANTINE)).length === 1 ? seen : null;
    }, 'the phish to leave the inbox');
    assert.deepEqual(messageIds(inbox), [clean.messageId]);
    const quarantined = await folderContents(dovecot, alice, QUARANTINE);
    assert.deepEqual(messageIds(quarantined), [phish.messageId]);
    const stored = await messagesOf(mailboxes.alice);
    assert.deepEqual(stored.map((m) => m.verdict?.class).sort(), ['clean', 'phish']);
  });

  it('in delete mode removes the phish from the mailbox, and release puts back the exact bytes with the original date', async () => {
    const phish = phishMessage(bob.address);
    await dovecot.deliver(phish.raw, [bob.address]);
    const [delivered] = await eventually(async () => {
      const seen = await folderContents(dovecot, bob);
      return seen.length === 1 ? seen : null;
    }, 'delivery');
    await eventually(async () => (await folderContents(dovecot, bob)).length === 0, 'the phish to be deleted from the inbox');
    assert.deepEqual(await folderContents(dovecot, bob, QUARANTINE), [], 'delete mode keeps no quarantine folder copy');

    const [stored] = await messagesOf(mailboxes.bob);
    const release = await world.call('POST', `/quarantine/${stored.id}/release`, { reason: 'checked with the sender' });
    assert.equal(release.status, 200, JSON.stringify(release.body));
    const [back] = await eventually(async () => {
      const seen = await folderContents(dovecot, bob);
      return seen.length === 1 ? seen : null;
    }, 'the released message back in the inbox');
    assert.ok(back.raw.equals(delivered.raw), 'byte for byte as it arrived');
    assert.equal(back.internalDate.getTime(), delivered.internalDate.getTime(), 'with its original date');
    // The released copy is recognised (same bytes): no new message, no second quarantine.
    await sleep(2500);
    assert.equal((await folderContents(dovecot, bob)).length, 1);
    assert.equal((await messagesOf(mailboxes.bob)).length, 1);
  });

  it('release and delete from the quarantine folder act in the mailbox', async () => {
    const phish = phishMessage(alice.address, { tag: 'two' });
    await dovecot.deliver(phish.raw, [alice.address]);
    const stored = await eventually(
      async () => (await messagesOf(mailboxes.alice)).find((m) => m.subject === phish.subject && m.verdict),
      'scan',
    );
    await eventually(async () => messageIds(await folderContents(dovecot, alice, QUARANTINE)).includes(phish.messageId), 'quarantine');
    assert.equal((await world.call('POST', `/quarantine/${stored.id}/delete`)).status, 200);
    await eventually(async () => !messageIds(await folderContents(dovecot, alice, QUARANTINE)).includes(phish.messageId), 'deleted');
    assert.equal(messageIds(await folderContents(dovecot, alice)).includes(phish.messageId), false);
    const audit = await world.call<{ items: { action: string }[] }>('GET', `/audit?targetId=${stored.id}`);
    assert.deepEqual(audit.body.items.map((e) => e.action).sort(), ['mailbox.delete', 'mailbox.quarantine', 'quarantine.delete']);
  });

  it('puts a phish the user drags back out of the quarantine folder back into quarantine, until an analyst releases it', async () => {
    const phish = phishMessage(alice.address, { tag: 'dragged back' });
    await dovecot.deliver(phish.raw, [alice.address]);
    const inQuarantine = async () => messageIds(await folderContents(dovecot, alice, QUARANTINE)).includes(phish.messageId);
    const inInbox = async () => messageIds(await folderContents(dovecot, alice)).includes(phish.messageId);
    await eventually(inQuarantine, 'quarantine');
    const stored = (await messagesOf(mailboxes.alice)).find((m) => m.subject === phish.subject);
    assert.ok(stored);

    // A person takes longer than this; a move within 2 s of the quarantine is not told apart from the
    // sync reading the inbox while the quarantine moved the message (follow-known-message.ts).
    await sleep(2500);
    await moveAsUser(dovecot, alice, phish.messageId, QUARANTINE, 'INBOX');
    await eventually(async () => (await inQuarantine()) && !(await inInbox()), 'the phish back in quarantine');
    const actions = async () =>
      (await world.call<{ items: { action: string }[] }>('GET', `/audit?targetId=${stored.id}`)).body.items.map((e) => e.action).sort();
    assert.deepEqual(await actions(), ['mailbox.quarantine', 'mailbox.quarantine', 'mailbox.quarantine-bypassed']);
    assert.equal((await messagesOf(mailboxes.alice)).filter((m) => m.subject === phish.subject).length, 1, 'stored once');

    // Released by an analyst, it is the user's again: moving it around is their call.
    assert.equal((await world.call('POST', `/quarantine/${stored.id}/release`, { reason: 'known sender' })).status, 200);
    await eventually(async () => (await inInbox()) && !(await inQuarantine()), 'the release');
    await sleep(2500);
    assert.equal(await inInbox(), true, 'a released message stays in the inbox');
  });

  it('loses nothing across an IMAP server restart', async () => {
    await dovecot.restart();
    const phish = phishMessage(carol.address, { tag: 'after restart' });
    await dovecot.deliver(phish.raw, [carol.address]);
    await eventually(
      async () => messageIds(await folderContents(dovecot, carol, QUARANTINE)).includes(phish.messageId),
      'quarantine after restart',
      20_000,
    );
    assert.deepEqual(await folderContents(dovecot, carol), []);
  });

  it('loses nothing delivered while the service was stopped', async () => {
    const adminKey = world.adminKey;
    await world.running.stop();
    const phish = phishMessage(carol.address, { tag: 'while stopped' });
    const clean = colleagueMessage(carol.address, { subject: 'While you were out' });
    await dovecot.deliver(phish.raw, [carol.address]);
    await dovecot.deliver(clean.raw, [carol.address]);
    world = await startServiceWorld(data.dir, { apiKey: adminKey });
    await eventually(
      async () => messageIds(await folderContents(dovecot, carol, QUARANTINE)).includes(phish.messageId),
      'quarantine after restart',
      20_000,
    );
    assert.deepEqual(messageIds(await folderContents(dovecot, carol)), [clean.messageId]);
  });

  it('a new UIDVALIDITY triggers a full resync without storing, scanning or acting twice', async () => {
    const before = await mailbox(mailboxes.alice);
    const storedBefore = (await messagesOf(mailboxes.alice)).length;
    const auditBefore = (await world.call<{ items: unknown[] }>('GET', '/audit?limit=500')).body.items.length;
    await dovecot.resetUidValidity(alice.address);
    const after = await eventually(
      async () => {
        const view = await mailbox(mailboxes.alice);
        return view.connection?.cursor && view.connection.cursor.uidValidity !== before.connection?.cursor?.uidValidity ? view : null;
      },
      'the resync under the new UIDVALIDITY',
      20_000,
    );
    assert.ok(after.connection?.cursor);
    await sleep(1500);
    assert.equal((await messagesOf(mailboxes.alice)).length, storedBefore, 'no message stored twice');
    assert.equal((await world.call<{ items: unknown[] }>('GET', '/audit?limit=500')).body.items.length, auditBefore, 'no action twice');
    // Actions find messages under the new UIDs.
    const phish = phishMessage(alice.address, { tag: 'new validity' });
    await dovecot.deliver(phish.raw, [alice.address]);
    await eventually(async () => messageIds(await folderContents(dovecot, alice, QUARANTINE)).includes(phish.messageId), 'quarantine');
  });

  it('campaign pull-back finds the same message in every mailbox and remediates each copy', async () => {
    const campaignId = '<wire-2026-q4@example.net>';
    const first = colleagueMessage(alice.address, { messageId: campaignId, subject: 'Updated bank details for invoice 4471' });
    await dovecot.deliver(first.raw, [alice.address, carol.address]);
    const scanned = async (id: string) =>
      eventually(async () => (await messagesOf(id)).find((m) => m.subject === first.subject && m.verdict), 'scan');
    const inAlice = await scanned(mailboxes.alice);
    await scanned(mailboxes.carol);
    const result = await world.call<{ found: number; planned: number; mailboxes: number }>('POST', '/mailboxes/pull-back', {
      messageId: inAlice.id,
      action: 'quarantine',
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.deepEqual([result.body.found, result.body.mailboxes, result.body.planned], [2, 2, 2]);
    for (const user of [alice, carol]) {
      await eventually(
        async () => messageIds(await folderContents(dovecot, user, QUARANTINE)).includes(campaignId),
        `pull-back in ${user.address}`,
      );
      assert.equal(messageIds(await folderContents(dovecot, user)).includes(campaignId), false);
    }
    const pullBack = async () =>
      (
        await world.call<{ found: number; planned: number }>('POST', '/mailboxes/pull-back', {
          messageId: inAlice.id,
          action: 'quarantine',
        })
      ).body;
    // Every copy is already out of sight: a second pull-back finds them and plans nothing.
    const second = await pullBack();
    assert.deepEqual([second.found, second.planned], [2, 0]);
    // An analyst releases Alice's copy; pulling the campaign back again takes it out once more.
    assert.equal((await world.call('POST', `/quarantine/${inAlice.id}/release`)).status, 200);
    await eventually(async () => messageIds(await folderContents(dovecot, alice)).includes(campaignId), 'the release');
    const again = await pullBack();
    assert.deepEqual([again.found, again.planned], [2, 1]);
    await eventually(async () => !messageIds(await folderContents(dovecot, alice)).includes(campaignId), 'the second pull-back');
    assert.ok(messageIds(await folderContents(dovecot, alice, QUARANTINE)).includes(campaignId));
  });

  it("follows the tenant's quarantine mode where a mailbox sets none, and a mailbox's own mode over it", async () => {
    const { body: settings } = await world.call<Record<string, unknown> & { policy: Record<string, unknown> }>('GET', '/settings');
    const changed = await world.call('PUT', '/settings', { ...settings, policy: { ...settings.policy, quarantineMode: 'delete' } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    try {
      // Carol's mailbox was added without a mode: the tenant's `delete` now applies to it.
      const toCarol = phishMessage(carol.address, { tag: 'tenant delete mode' });
      // Alice's mailbox chose `folder` itself: it keeps it.
      const toAlice = phishMessage(alice.address, { tag: 'mailbox folder mode' });
      await dovecot.deliver(toCarol.raw, [carol.address]);
      await dovecot.deliver(toAlice.raw, [alice.address]);
      await eventually(
        async () => messageIds(await folderContents(dovecot, alice, QUARANTINE)).includes(toAlice.messageId),
        "alice's phish in her quarantine folder",
      );
      await eventually(async () => {
        const stored = (await messagesOf(mailboxes.carol)).find((m) => m.subject === toCarol.subject && m.verdict);
        return stored && !messageIds(await folderContents(dovecot, carol)).includes(toCarol.messageId) ? stored : null;
      }, "carol's phish to leave her inbox");
      assert.equal(messageIds(await folderContents(dovecot, carol, QUARANTINE)).includes(toCarol.messageId), false, 'deleted, not moved');
      const listed = await mailwardCli(['mailbox', 'list']);
      assert.match(listed.stdout, /carol@example\.com .*quarantine=tenant/);
    } finally {
      await world.call('PUT', '/settings', settings);
    }
  });
});
