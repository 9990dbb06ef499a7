import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { eventually, sleep } from '../../../src/queue/testing/wait.ts';
import { type Dovecot, type DovecotUser, startDovecot } from './dovecot.ts';
import { folderContents, header } from './mailbox-view.ts';
import { ATTACHMENT_BYTES, phishMessage } from './messages.ts';
import { type ServiceWorld, startServiceWorld, tempDataDir } from './world.ts';

const erin: DovecotUser = { address: 'erin@example.com', password: 'erin-pw' };

describe('warning banner on a real Dovecot (policy: phish -> banner)', () => {
  let dovecot: Dovecot;
  let world: ServiceWorld & { adminKey: string };
  const data = tempDataDir();
  let mailboxId: string;

  before(async () => {
    dovecot = await startDovecot([erin]);
    world = await startServiceWorld(data.dir, { policy: { phish: 'banner' } });
    const added = await world.call<{ id: string }>('POST', '/mailboxes', {
      address: erin.address,
      host: dovecot.host,
      port: dovecot.imapPort,
      tls: false,
      password: erin.password,
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    mailboxId = added.body.id;
    await eventually(
      async () => (await world.call<{ connection: { cursor: unknown } }>('GET', `/mailboxes/${mailboxId}`)).body.connection.cursor,
      'sync',
    );
  });

  after(async () => {
    await world?.running.stop();
    await dovecot?.stop();
    data.remove();
  });

  it('replaces the message with a flagged copy carrying the reasons, keeping headers, date and attachments; restore undoes it', async () => {
    const phish = phishMessage(erin.address, { attachment: true });
    await dovecot.deliver(phish.raw, [erin.address]);
    const [delivered] = await eventually(async () => {
      const seen = await folderContents(dovecot, erin);
      return seen.length === 1 ? seen : null;
    }, 'delivery');
    const [copy] = await eventually(async () => {
      const seen = await folderContents(dovecot, erin);
      return seen.length === 1 && header(seen[0].raw, 'X-Mailward-Banner-Of') ? seen : null;
    }, 'the banner copy in place of the original');

    for (const name of ['From', 'To', 'Subject', 'Date', 'Message-ID', 'Return-Path', 'Delivered-To']) {
      assert.equal(header(copy.raw, name), header(delivered.raw, name), `${name} kept`);
    }
    assert.equal(copy.internalDate.getTime(), delivered.internalDate.getTime(), 'arrival date kept');
    assert.ok(copy.flags.includes('\\Flagged'), 'flagged');
    const parsed = await simpleParser(copy.raw);
    assert.match(parsed.text ?? '', /^WARNING from Mailward: this message looks suspicious\.\nWhy:\n {2}- /);
    assert.match(String(parsed.html), /<body[^>]*><div style="border:2px solid #b00020[^"]*"><strong>WARNING from Mailward/);
    assert.match(
      parsed.text ?? '',
      /The password for your Microsoft 365 account erin@example.com expires today/,
      'original text kept below',
    );
    assert.equal(parsed.attachments.length, 1);
    assert.equal(parsed.attachments[0].filename, 'password-policy.pdf');
    assert.ok(parsed.attachments[0].content.equals(ATTACHMENT_BYTES), 'attachment bytes kept');

    // The copy is Mailward's own: not stored or scanned as new mail.
    await sleep(2500);
    const stored = await world.call<{ items: { id: string }[] }>('GET', `/messages?mailboxId=${mailboxId}`);
    assert.equal(stored.body.items.length, 1);

    // Undo: the original comes back byte for byte and the copy goes.
    const [message] = stored.body.items;
    const undo = await world.call<{ planned: boolean; from: string }>('POST', '/mailboxes/undo', { messageId: message.id });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual(undo.body, { planned: true, from: 'banner' });
    const [restored] = await eventually(async () => {
      const seen = await folderContents(dovecot, erin);
      return seen.length === 1 && !header(seen[0].raw, 'X-Mailward-Banner-Of') ? seen : null;
    }, 'the original back');
    assert.ok(restored.raw.equals(delivered.raw));
    const audit = await world.call<{ items: { action: string }[] }>('GET', `/audit?targetId=${message.id}`);
    assert.deepEqual(audit.body.items.map((e) => e.action).sort(), ['mailbox.banner', 'mailbox.restore', 'mailbox.undo']);
    // Back in the inbox as it arrived: nothing left to undo.
    await eventually(async () => (await world.call('POST', '/mailboxes/undo', { messageId: message.id })).status === 409, 'undo refused');
  });
});
