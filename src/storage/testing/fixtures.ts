import type { ScanReport } from '../../core/report.ts';
import type { VerdictClass } from '../../core/verdict.ts';
import type { Db } from '../db.ts';
import type { Mailbox } from '../mailboxes.ts';
import type { StoredMessage } from '../message-rows.ts';
import { createRepositories, type Repositories } from '../repositories.ts';
import type { Tenant } from '../tenants.ts';

let counter = 0;
/** Unique per call, so suites sharing a database never collide on names or domains. */
export function unique(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export interface Seeded {
  repos: Repositories;
  tenant: Tenant;
  mailbox: Mailbox;
}

/** A tenant with one mailbox. */
export async function seedTenant(db: Db, name = 'tenant'): Promise<Seeded> {
  const repos = createRepositories(db);
  const tenant = await repos.tenants.create({ name: unique(name), domains: [`${unique(name)}.example`] });
  const mailbox = await repos.mailboxes.upsert(tenant.id, { address: `alice@${tenant.domains[0]}`, provider: 'microsoft-graph' });
  return { repos, tenant, mailbox };
}

export function rawEmail(subject: string, body = 'Hello'): Buffer {
  return Buffer.from(`From: sender@example.test\r\nTo: alice@example.test\r\nSubject: ${subject}\r\n\r\n${body}\r\n`, 'utf8');
}

export async function ingestOne(
  seeded: Seeded,
  overrides: { subject?: string; from?: string; receivedAt?: Date; providerMessageId?: string; raw?: Buffer } = {},
): Promise<StoredMessage> {
  const subject = overrides.subject ?? unique('subject');
  const { message } = await seeded.repos.messages.ingest(seeded.tenant.id, {
    mailboxId: seeded.mailbox.id,
    providerMessageId: overrides.providerMessageId ?? unique('pmid'),
    messageIdHeader: `<${unique('mid')}@example.test>`,
    from: overrides.from ?? 'sender@example.test',
    fromName: 'Sender',
    to: [seeded.mailbox.address],
    subject,
    sentAt: overrides.receivedAt ?? null,
    receivedAt: overrides.receivedAt,
    raw: overrides.raw ?? rawEmail(subject),
  });
  return message;
}

export function sampleReport(verdict: VerdictClass, score: number, scannedAt = new Date()): ScanReport {
  return {
    engineVersion: '0.1.0',
    scannedAt: scannedAt.toISOString(),
    verdict: { class: verdict, score, reasons: [`reason for ${verdict}`] },
    signals: [
      {
        id: 'AUTH_DMARC_FAIL',
        group: 'auth',
        indicates: 'phish',
        description: 'The sender domain publishes DMARC and this message fails it.',
        weight: 3.5,
        factor: 1,
        contribution: 3.5,
        evidence: ['dmarc=fail header.from=example.test'],
        detector: 'auth.dmarc',
      },
    ],
    errors: [{ detector: 'links.reputation', kind: 'temperror', message: 'timeout after 2000 ms' }],
    message: {
      messageId: '<m@example.test>',
      subject: 'Invoice',
      from: 'sender@example.test',
      fromName: 'Sender',
      to: ['alice@example.test'],
      sizeBytes: 120,
      sha256: 'a'.repeat(64),
      attachmentCount: 1,
      linkCount: 2,
    },
    timings_ms: { total: 12.5, parse: 1.25, stages: { analyze: 10 }, detectors: { 'auth.dmarc': 3 } },
  };
}
