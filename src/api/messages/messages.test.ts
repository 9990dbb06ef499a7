import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestOne } from '../../storage/testing/fixtures.ts';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

interface Page {
  items: { id: string; from: string; subject: string; verdict: { class: string } | null }[];
  nextCursor: string | null;
}

describe('messages API', () => {
  const world = useApiWorld();

  it('lists only the tenant messages, newest first, with their facts', async () => {
    const { app, a } = world();
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/messages`);
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json() as Page;
    assert.deepEqual(
      page.items.map((m) => m.id),
      [a.clean.id, a.toDelete.id, a.quarantined.id],
    );
    const first = page.items[0] as Record<string, unknown>;
    assert.equal(first.from, 'clean-sender@clean.example');
    assert.equal(first.providerMessageId, a.clean.providerMessageId);
    assert.equal(first.mailboxId, a.seeded.mailbox.id);
    assert.equal((first.verdict as { class: string }).class, 'clean');
    assert.equal(page.nextCursor, null);
  });

  it('filters by sender, subject text, verdict and time range', async () => {
    const { app, a } = world();
    const ids = async (query: string) =>
      ((await call(app, a.keys.readOnly, 'GET', `${V}/messages?${query}`)).json() as Page).items.map((m) => m.id);
    assert.deepEqual(await ids('sender=PHISH-sender@phish.example'), [a.quarantined.id]);
    assert.deepEqual(await ids(`subject=${encodeURIComponent(a.toDelete.subject.slice(1).toUpperCase())}`), [a.toDelete.id]);
    assert.deepEqual(await ids('verdict=clean'), [a.clean.id]);
    assert.deepEqual((await ids('verdict=clean&verdict=malware')).sort(), [a.clean.id, a.toDelete.id].sort());
    assert.deepEqual(await ids('verdict=unscanned'), []);
    const future = new Date(Date.now() + 60_000).toISOString();
    assert.deepEqual(await ids(`since=${future}`), []);
    assert.equal((await ids(`until=${future}`)).length, 3);
  });

  it('pages with an opaque cursor and refuses a tampered one', async () => {
    const { app, a } = world();
    const first = (await call(app, a.keys.readOnly, 'GET', `${V}/messages?limit=2`)).json() as Page;
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = (await call(app, a.keys.readOnly, 'GET', `${V}/messages?limit=2&cursor=${first.nextCursor}`)).json() as Page;
    assert.deepEqual(
      second.items.map((m) => m.id),
      [a.quarantined.id],
    );
    assert.equal(second.nextCursor, null);
    const bad = await call(app, a.keys.readOnly, 'GET', `${V}/messages?cursor=not-a-cursor`);
    assert.equal(bad.statusCode, 400);
    assert.equal(errorCode(bad), 'STORAGE_BAD_CURSOR');
  });

  it('refuses invalid filters with a 400 that names the field', async () => {
    const { app, a } = world();
    for (const query of ['verdict=bogus', 'limit=0', 'limit=501', 'since=yesterday', 'mailboxId=12', 'colour=red']) {
      const response = await call(app, a.keys.readOnly, 'GET', `${V}/messages?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(errorCode(response), 'VALIDATION_FAILED');
      assert.match(response.json().error.message, /querystring/);
    }
  });

  it('returns one message with its latest full report', async () => {
    const { app, a } = world();
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/messages/${a.quarantined.id}`);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.message.id, a.quarantined.id);
    assert.equal(body.report.messageId, a.quarantined.id);
    assert.equal(body.report.report.verdict.class, 'phish');
    assert.equal(body.report.report.signals[0].id, 'AUTH_DMARC_FAIL');
    assert.deepEqual(body.report.report.signals[0].evidence, ['dmarc=fail header.from=example.test']);
    assert.equal(body.report.report.errors[0].kind, 'temperror');
    assert.equal(body.report.report.timings_ms.total, 12.5);
  });

  it('answers an unscanned message with a null report, and unknown or malformed ids with 404 / 400', async () => {
    const { app, a } = world();
    const unscanned = await ingestOne(a.seeded);
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/messages/${unscanned.id}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().report, null);
    assert.equal(response.json().message.verdict, null);
    const missing = await call(app, a.keys.readOnly, 'GET', `${V}/messages/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.statusCode, 404);
    assert.equal(errorCode(missing), 'NOT_FOUND');
    assert.equal((await call(app, a.keys.readOnly, 'GET', `${V}/messages/42`)).statusCode, 400);
  });

  it('downloads the raw message byte for byte (admin) and records who did', async () => {
    const { app, a, deps } = world();
    const response = await call(app, a.keys.admin, 'GET', `${V}/messages/${a.quarantined.id}/raw`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'message/rfc822');
    assert.match(String(response.headers['content-disposition']), new RegExp(`${a.quarantined.id}\\.eml`));
    assert.deepEqual(response.rawPayload, a.quarantinedRaw);
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'message.download-raw' });
    assert.deepEqual(audit.items[0].actor, { kind: 'api-key', id: a.adminKeyId });
    assert.equal(audit.items[0].target?.id, a.quarantined.id);
  });

  it('accepts a raw upload (202), stores it, queues its scan, and treats the same bytes again as a duplicate', async () => {
    const { app, a, deps } = world();
    const raw = Buffer.from('From: Reporter <reporter@partner.example>\r\nTo: bob@a.example\r\nSubject: Reported phish\r\n\r\nClick\r\n');
    const upload = () => call(app, a.keys.analyst, 'POST', `${V}/messages`, { body: raw, headers: { 'content-type': 'message/rfc822' } });
    const first = await upload();
    assert.equal(first.statusCode, 202, first.body);
    const { messageId, created } = first.json();
    assert.equal(created, true);
    const stored = await deps.repos.messages.get(a.tenantId, messageId);
    assert.equal(stored?.subject, 'Reported phish');
    assert.equal(stored?.from, 'reporter@partner.example');
    assert.deepEqual(await deps.repos.rawMime.getForMessage(a.tenantId, messageId), raw);
    const { rows } = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE type = 'scan-message' AND payload->>'messageId' = $1`,
      [messageId],
    );
    assert.equal(rows[0].n, 1);
    const again = await upload();
    assert.equal(again.statusCode, 202);
    assert.deepEqual(again.json(), { messageId, created: false });
  });

  it('refuses uploads that are not message/rfc822, empty, or aimed at an unknown mailbox', async () => {
    const { app, a } = world();
    const json = await call(app, a.keys.analyst, 'POST', `${V}/messages`, { body: { raw: 'x' } });
    assert.equal(json.statusCode, 415);
    assert.equal(errorCode(json), 'UNSUPPORTED_MEDIA_TYPE');
    const text = await call(app, a.keys.analyst, 'POST', `${V}/messages`, {
      body: 'Subject: x\r\n\r\n',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(text.statusCode, 415);
    const empty = await call(app, a.keys.analyst, 'POST', `${V}/messages`, {
      body: Buffer.alloc(0),
      headers: { 'content-type': 'message/rfc822' },
    });
    assert.equal(empty.statusCode, 400);
    const mailbox = await call(app, a.keys.analyst, 'POST', `${V}/messages?mailboxId=00000000-0000-4000-8000-000000000000`, {
      body: Buffer.from('Subject: x\r\n\r\nbody\r\n'),
      headers: { 'content-type': 'message/rfc822' },
    });
    assert.equal(mailbox.statusCode, 404);
  });
});
