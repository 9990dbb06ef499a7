import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { call, useApiWorld } from '../api/testing/api-world.ts';
import { startSmtpJournal } from '../ingest/smtp-journal.ts';
import type { ServiceDeps } from '../service/deps.ts';
import type { StoredMessage } from '../storage/message-rows.ts';
import { ingestOne, type Seeded } from '../storage/testing/fixtures.ts';

const V = '/api/v1';

/** A delivery-fee lure as a user would receive and report it. */
function parcelLure(messageId: string): Buffer {
  return Buffer.from(
    [
      'From: Parcel Service <notice@parcel-redelivery.example.org>',
      'To: alice@example.com',
      'Subject: Your parcel is on hold: customs fee unpaid',
      `Message-ID: <${messageId}>`,
      'Date: Tue, 17 Nov 2026 08:12:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'We could not deliver your parcel because a customs fee of EUR 2.99 is unpaid.',
      'Confirm your address and pay the fee within 24 hours or the parcel is returned to the sender.',
      '',
      'Pay now: http://203.0.113.50/redelivery/pay',
      '',
    ].join('\r\n'),
  );
}

/** Stores a delivered message with its own Message-ID, as the ingest path does. */
async function deliver(seeded: Seeded, raw: Buffer, messageId: string): Promise<StoredMessage> {
  const { message } = await seeded.repos.messages.ingest(seeded.tenant.id, {
    mailboxId: seeded.mailbox.id,
    providerMessageId: `pm-${messageId}`,
    messageIdHeader: `<${messageId}>`,
    from: 'notice@parcel-redelivery.example.org',
    fromName: 'Parcel Service',
    to: [seeded.mailbox.address],
    subject: 'Your parcel is on hold: customs fee unpaid',
    sentAt: null,
    raw,
  });
  return message;
}

/** The SMTP relay the answers go through: a local server that keeps what it receives. */
async function startRelay(): Promise<{ url: string; received: Array<{ to: string[]; text: string }>; close(): Promise<void> }> {
  const received: Array<{ to: string[]; text: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('user reports', () => {
  const world = useApiWorld();

  it('triages a stored message reported by id: rescans it, records the report and teaches the tenant layer', async () => {
    const { app, deps, a } = world();
    const message = await ingestOne(a.seeded, { raw: parcelLure('p-1@parcel-redelivery.example.org') });
    const response = await call(app, a.keys.analyst, 'POST', `${V}/reports`, {
      body: { messageId: message.id, reporter: 'alice@example.com' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.matchedBy, 'id');
    assert.equal(body.messageId, message.id);
    assert.ok(['suspicious', 'phish'].includes(body.verdictClass), body.verdictClass);
    assert.match(body.replyText, /Do not click its links/);
    const stored = await deps.repos.messages.get(a.tenantId, message.id);
    assert.equal(stored?.verdict?.class, body.verdictClass);
    const [lesson] = await deps.repos.tenantModel.feedback(a.tenantId);
    assert.equal(lesson.source, 'user-report');
    assert.equal(lesson.label, 'threat');
    const listed = await call(app, a.keys.readOnly, 'GET', `${V}/reports`);
    assert.ok(listed.json().items.some((r: { id: string }) => r.id === body.id));
  });

  it('matches a forwarded copy to the stored original by Message-ID, else by sender, subject and body', async () => {
    const { app, a } = world();
    const original = await deliver(a.seeded, parcelLure('p-2@parcel-redelivery.example.org'), 'p-2@parcel-redelivery.example.org');
    const copy = parcelLure('p-2@parcel-redelivery.example.org');
    const byId = await call(app, a.keys.analyst, 'POST', `${V}/reports`, { body: { rawMessage: copy.toString('base64') } });
    assert.equal(byId.statusCode, 201, byId.body);
    assert.equal(byId.json().matchedBy, 'message-id');
    assert.equal(byId.json().messageId, original.id);

    // The client rewrote the Message-ID and re-wrapped the lines; sender, subject and body text still match.
    const rewrapped = Buffer.from(copy.toString('utf8').replace('p-2@', 'forwarded-9@').replace('unpaid.\r\nConfirm', 'unpaid. Confirm'));
    const byBody = await call(app, a.keys.analyst, 'POST', `${V}/reports`, { body: { rawMessage: rewrapped.toString('base64') } });
    assert.equal(byBody.statusCode, 201, byBody.body);
    assert.equal(byBody.json().matchedBy, 'sender-subject-body');
    assert.equal(byBody.json().messageId, original.id);

    const other = Buffer.from(parcelLure('never-seen@example.net').toString('utf8').replace('EUR 2.99', 'EUR 3.49'));
    const unknown = await call(app, a.keys.analyst, 'POST', `${V}/reports`, { body: { rawMessage: other.toString('base64') } });
    assert.equal(unknown.statusCode, 201, unknown.body);
    assert.equal(unknown.json().matchedBy, 'none');
    assert.match(unknown.json().replyText, /could not find the original/);
  });

  it('refuses a report with neither or both of messageId and rawMessage', async () => {
    const { app, a } = world();
    assert.equal((await call(app, a.keys.analyst, 'POST', `${V}/reports`, { body: {} })).statusCode, 400);
    const both = await call(app, a.keys.analyst, 'POST', `${V}/reports`, { body: { messageId: a.clean.id, rawMessage: 'AAAA' } });
    assert.equal(both.statusCode, 400);
  });

  it('answers a report sent to the report mailbox through the relay, and records the answer', async () => {
    const { deps, a } = world();
    const relay = await startRelay();
    const original = await deliver(a.seeded, parcelLure('p-3@parcel-redelivery.example.org'), 'p-3@parcel-redelivery.example.org');
    const reportAddress = 'report-phishing@mailward.test';
    const reportDeps: ServiceDeps = {
      ...deps,
      config: { ...deps.config, reports: { address: reportAddress, relayUrl: relay.url, from: 'security@mailward.test' } },
    };
    const journal = await startSmtpJournal(reportDeps, { host: '127.0.0.1', port: 0, maxMessageBytes: 1_000_000 });
    const reporter = `bob@${a.seeded.tenant.domains[0]}`;
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: journal.address.port, ignoreTLS: true });
      await transport.sendMail({
        from: reporter,
        to: reportAddress,
        subject: 'FW: Your parcel is on hold: customs fee unpaid',
        text: 'This looks fake to me.',
        attachments: [
          {
            filename: 'parcel.eml',
            contentType: 'message/rfc822',
            contentDisposition: 'attachment',
            content: parcelLure('p-3@parcel-redelivery.example.org'),
          },
        ],
      });
      transport.close();
    } finally {
      await journal.close();
      await relay.close();
    }
    assert.equal(relay.received.length, 1);
    assert.deepEqual(relay.received[0].to, [reporter]);
    assert.match((await simpleParser(relay.received[0].text)).text ?? '', /Thank you for reporting/);
    const [report] = await deps.repos.userReports.list(a.tenantId, 1);
    assert.equal(report.channel, 'mailbox');
    assert.equal(report.reporter, reporter);
    assert.equal(report.messageId, original.id);
    assert.equal(report.matchedBy, 'message-id');
    assert.equal(report.replyStatus, 'sent');
    assert.match(report.replyText, /Thank you for reporting/);
  });
});
