import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sha256Hex } from '../../raw-mime.ts';
import { ingestOne, rawEmail, sampleReport, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function messagesSuite(harness: StorageHarness): void {
  describe(`messages and raw MIME (${harness.name})`, () => {
    const db = useDb(harness);

    it('ingests a message once: the second ingest returns the first row', async () => {
      const seeded = await seedTenant(db());
      const raw = rawEmail('Quarterly report');
      const input = {
        mailboxId: seeded.mailbox.id,
        providerMessageId: 'AAMkAGI2',
        messageIdHeader: '<q1@example.test>',
        from: 'CFO@Example.test',
        fromName: 'The CFO',
        to: ['Alice@Example.test', 'bob@example.test'],
        subject: 'Quarterly report',
        sentAt: new Date('2026-11-01T09:00:00Z'),
        receivedAt: new Date('2026-11-01T09:00:05.123Z'),
        raw,
      };
      const first = await seeded.repos.messages.ingest(seeded.tenant.id, input);
      const second = await seeded.repos.messages.ingest(seeded.tenant.id, input);
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.equal(second.message.id, first.message.id);
      const stored = first.message;
      assert.equal(stored.from, 'cfo@example.test');
      assert.deepEqual(stored.to, ['alice@example.test', 'bob@example.test']);
      assert.equal(stored.sizeBytes, raw.byteLength);
      assert.equal(stored.sha256, sha256Hex(raw));
      assert.equal(stored.receivedAt.toISOString(), '2026-11-01T09:00:05.123Z');
      assert.equal(stored.sentAt?.toISOString(), '2026-11-01T09:00:00.000Z');
      assert.equal(stored.verdict, null);
      const { rows } = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1', [seeded.tenant.id]);
      assert.equal(rows[0].n, 1);
      assert.deepEqual(
        (await seeded.repos.messages.findByMessageIdHeader(seeded.tenant.id, '<q1@example.test>')).map((m) => m.id),
        [stored.id],
      );
    });

    it('returns raw bytes byte for byte, including 8-bit and NUL bytes', async () => {
      const seeded = await seedTenant(db());
      const every = Buffer.alloc(256 * 4);
      for (let i = 0; i < every.length; i++) every[i] = i % 256;
      const raw = Buffer.concat([rawEmail('binary'), every, Buffer.from('\r\n.\r\n\u00e9\u{1F600}', 'utf8')]);
      const message = await ingestOne(seeded, { raw });
      const back = await seeded.repos.rawMime.getForMessage(seeded.tenant.id, message.id);
      assert.ok(back);
      assert.equal(Buffer.compare(back, raw), 0);
      assert.equal((await seeded.repos.rawMime.get(seeded.tenant.id, message.sha256))?.equals(raw), true);
    });

    it('stores identical bytes once per tenant, compressed', async () => {
      const seeded = await seedTenant(db());
      const raw = rawEmail('journal copy', 'The same long body line. '.repeat(400));
      const a = await ingestOne(seeded, { raw });
      const b = await ingestOne(seeded, { raw });
      assert.notEqual(a.id, b.id);
      assert.equal(a.sha256, b.sha256);
      const usage = await seeded.repos.rawMime.storedBytes(seeded.tenant.id);
      assert.equal(usage.blobs, 1);
      assert.equal(usage.rawBytes, raw.byteLength);
      assert.ok(usage.compressedBytes < raw.byteLength / 10, `compressed ${usage.compressedBytes} of ${raw.byteLength}`);
      const again = await seeded.repos.rawMime.put(seeded.tenant.id, raw);
      assert.deepEqual(again, { sha256: a.sha256, sizeBytes: raw.byteLength, created: false });
    });

    it('reports stored bytes that no longer match their hash instead of serving them', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      await db().query('UPDATE raw_messages SET content = $3 WHERE tenant_id = $1 AND sha256 = $2', [
        seeded.tenant.id,
        message.sha256,
        gzipSync(Buffer.from('tampered')),
      ]);
      await assert.rejects(seeded.repos.rawMime.getForMessage(seeded.tenant.id, message.id), { code: 'STORAGE_RAW_CORRUPT' });
    });

    it('refuses a message for a mailbox that does not exist, and stores nothing', async () => {
      const seeded = await seedTenant(db());
      const ingest = seeded.repos.messages.ingest(seeded.tenant.id, {
        mailboxId: '00000000-0000-0000-0000-000000000000',
        providerMessageId: 'x',
        from: 'a@b.test',
        to: [],
        subject: 's',
        raw: rawEmail('orphan'),
      });
      await assert.rejects(ingest, { code: 'STORAGE_NOT_FOUND' });
      assert.equal((await seeded.repos.rawMime.storedBytes(seeded.tenant.id)).blobs, 0);
    });

    it('returns a message with its newest report', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      assert.deepEqual(await seeded.repos.messages.getWithLatestReport(seeded.tenant.id, message.id), { message, report: null });
      const older = sampleReport('suspicious', 6.5, new Date('2026-11-02T10:00:00Z'));
      const newer = sampleReport('phish', 11.25, new Date('2026-11-02T11:00:00Z'));
      await seeded.repos.reports.save(seeded.tenant.id, message.id, newer);
      await seeded.repos.reports.save(seeded.tenant.id, message.id, older);
      const found = await seeded.repos.messages.getWithLatestReport(seeded.tenant.id, message.id);
      assert.deepEqual(found?.report?.report, newer);
      assert.deepEqual(found?.message.verdict, { class: 'phish', score: 11.25, scannedAt: new Date('2026-11-02T11:00:00Z') });
      assert.equal(await seeded.repos.messages.getWithLatestReport(seeded.tenant.id, 'nope'), null);
    });
  });
}
