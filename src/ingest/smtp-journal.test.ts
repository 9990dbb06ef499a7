import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { defaultServiceConfig } from '../config/service-config.ts';
import { deferred, sleep } from '../queue/testing/wait.ts';
import type { ServiceDeps } from '../service/deps.ts';
import { type SmtpJournalServer, startSmtpJournal } from './smtp-journal.ts';

/** Storage doubles: what the receiver needs, with `ingest` under the test's control. */
function fakeDeps(ingest: () => Promise<void>) {
  const stored: Array<{ tenantId: string; subject: string; to: string[] }> = [];
  const repos = {
    tenants: { findByDomain: async (domain: string) => (domain === 'example.com' ? { id: 't1', domains: ['example.com'] } : null) },
    mailboxes: { upsert: async () => ({ id: '00000000-0000-4000-8000-000000000001' }) },
    messages: {
      ingest: async (tenantId: string, input: { subject: string; to: string[] }) => {
        await ingest();
        stored.push({ tenantId, subject: input.subject, to: input.to });
        return { message: { id: `00000000-0000-4000-8000-00000000000${stored.length + 1}`, verdict: null }, created: true };
      },
    },
  };
  const queue = { enqueue: async () => ({ jobId: '1', created: true }) };
  const deps = { repos, queue, log: pino({ level: 'silent' }), clock: () => new Date(), config: defaultServiceConfig() };
  return { deps: deps as unknown as ServiceDeps, stored };
}

const MESSAGE = Buffer.from('From: a@sender.test\r\nTo: bob@example.com\r\nSubject: hello\r\n\r\nbody\r\n');

describe('SMTP journal receiver', () => {
  let server: SmtpJournalServer;
  let ingest: () => Promise<void> = async () => {};
  let stored: ReturnType<typeof fakeDeps>['stored'];

  before(async () => {
    const fake = fakeDeps(() => ingest());
    stored = fake.stored;
    server = await startSmtpJournal(fake.deps, { host: '127.0.0.1', port: 0, maxMessageBytes: 10_000 });
  });
  after(() => server.close());

  const send = async (raw: Buffer, to = 'journal@example.com') => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.address.port, ignoreTLS: true });
    try {
      const info = await transport.sendMail({ envelope: { from: 'mta@example.com', to: [to] }, raw });
      return String(info.response);
    } catch (error) {
      return String((error as { response?: string }).response);
    } finally {
      transport.close();
    }
  };

  it('answers 250 only after the message is stored', async () => {
    const gate = deferred();
    ingest = () => gate.promise;
    let reply: string | undefined;
    const sending = send(MESSAGE).then((r) => {
      reply = r;
    });
    await sleep(300);
    assert.equal(reply, undefined, 'no reply while storage has not finished');
    gate.resolve();
    await sending;
    assert.match(reply ?? '', /^250 2\.6\.0 OK: stored [0-9a-f-]{36}$/);
    assert.deepEqual(stored.at(-1), { tenantId: 't1', subject: 'hello', to: ['bob@example.com'] });
  });

  it('answers 451 4.3.0 when storage fails, so the sender retries', async () => {
    ingest = async () => {
      throw new Error('database unavailable');
    };
    assert.match(await send(MESSAGE), /^451 4\.3\.0 temporary failure storing the message/);
    ingest = async () => {};
  });

  it('refuses unknown domains with 550 5.1.1 and oversized mail with 552', async () => {
    assert.match(
      await send(MESSAGE, 'x@elsewhere.test'),
      /^550 5\.1\.1 <x@elsewhere\.test>: no Mailward tenant receives mail for elsewhere\.test/,
    );
    const before = stored.length;
    assert.match(await send(Buffer.concat([MESSAGE, Buffer.alloc(20_000, 'x')])), /^552 5\.\d\.\d /);
    assert.equal(stored.length, before, 'nothing stored');
  });
});
