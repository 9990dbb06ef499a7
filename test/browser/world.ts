import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '../../src/queue/testing/wait.ts';
import { openDb } from '../../src/storage/open-db.ts';
import { createRepositories } from '../../src/storage/repositories.ts';
import { UsersRepository } from '../../src/storage/users.ts';
import { type ServiceProcess, sendSmtp, startMailward, stopMailward } from '../integration/service/harness.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
export const PASSWORD = 'browser test passphrase';
export const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts/console');

/**
 * The provider's verdict as Microsoft 365 stamps it on top of a delivered message; the rest of
 * the message is one of the repository's own fixtures, unchanged.
 */
function withMicrosoftVerdict(file: string, report: string, bcl = 0): Buffer {
  const stamp = `X-Forefront-Antispam-Report: ${report}\r\nX-Microsoft-Antispam: BCL:${bcl};\r\n`;
  return Buffer.concat([Buffer.from(stamp), readFileSync(join(FIXTURES, file))]);
}

export interface ConsoleWorld {
  service: ServiceProcess;
  baseUrl: string;
  tenantA: string;
  tenantB: string;
  keyA: string;
  keyB: string;
  users: { admin: string; analyst: string; reader: string; otherTenant: string };
  close(): Promise<void>;
}

/**
 * Two tenants (example.com and example.org) with users of every role, prepared in the embedded
 * database before the service starts (it opens its folder alone); then `mailward start` for real
 * and real messages through its SMTP journal port, scanned and quarantined by its workers.
 */
export async function openConsoleWorld(): Promise<ConsoleWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailward-console-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const db = await openDb({ dataDir: join(dataDir, 'db') });
  const repos = createRepositories(db);
  const users = new UsersRepository(db);
  const a = await repos.tenants.create({ name: 'Example Corp', domains: ['example.com'] });
  const b = await repos.tenants.create({ name: 'Example Org', domains: ['example.org'] });
  const keyA = (await repos.apiKeys.create(a.id, { name: 'browser test', role: 'admin' })).token;
  const keyB = (await repos.apiKeys.create(b.id, { name: 'browser test', role: 'admin' })).token;
  const named = {
    admin: 'sam.admin@example.com',
    analyst: 'ana.analyst@example.com',
    reader: 'rui.reader@example.com',
    otherTenant: 'olga@example.org',
  };
  await users.addToTenant(a.id, { email: named.admin, name: 'Sam Admin', password: PASSWORD, role: 'admin' });
  await users.addToTenant(a.id, { email: named.analyst, name: 'Ana Analyst', password: PASSWORD, role: 'analyst' });
  await users.addToTenant(a.id, { email: named.reader, name: 'Rui Reader', password: PASSWORD, role: 'read-only' });
  await users.addToTenant(b.id, { email: named.otherTenant, name: 'Olga Other', password: PASSWORD, role: 'admin' });
  await db.close();

  const service = await startMailward({ env: { MAILWARD_DATA: dataDir } });
  const close = async () => {
    await stopMailward(service);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const messagesA: Array<[Buffer, string]> = [
      [
        withMicrosoftVerdict('engine/credential-phish.eml', 'CIP:203.0.113.45;CTRY:NL;LANG:en;SCL:9;SFV:SPM;CAT:PHSH;DIR:INB;'),
        'dana.reyes@example.com',
      ],
      [
        withMicrosoftVerdict('attachments/html-credential-page.eml', 'CIP:198.51.100.20;CTRY:US;LANG:en;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;'),
        'dana.reyes@example.com',
      ],
      [
        withMicrosoftVerdict('attachments/zip-double-extension-exe.eml', 'CIP:198.51.100.31;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;'),
        'dana.reyes@example.com',
      ],
      [
        withMicrosoftVerdict('language/en-gift-card-ceo.eml', 'CIP:198.51.100.77;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;'),
        'priya.nair@example.com',
      ],
      [withMicrosoftVerdict('engine/legit-newsletter.eml', 'CIP:192.0.2.10;SCL:1;SFV:NSPM;CAT:BULK;DIR:INB;', 6), 'dana.reyes@example.com'],
      [withMicrosoftVerdict('engine/legit-colleague.eml', 'CIP:192.0.2.11;SCL:-1;SFV:SKI;DIR:INT;'), 'dana.reyes@example.com'],
    ];
    for (const [raw, to] of messagesA) {
      const sent = await sendSmtp(service.smtpPort!, raw, to);
      if (!sent.accepted) throw new Error(`journal refused a message: ${sent.response}`);
    }
    const sentB = await sendSmtp(service.smtpPort!, readFileSync(join(FIXTURES, 'engine/credential-phish.eml')), 'lee@example.org');
    if (!sentB.accepted) throw new Error(`journal refused a message: ${sentB.response}`);
    const baseUrl = service.apiUrl!;
    const quarantined = async (key: string) => {
      const response = await fetch(`${baseUrl}/api/v1/quarantine?limit=100`, { headers: { authorization: `Bearer ${key}` } });
      return ((await response.json()) as { items: unknown[] }).items.length;
    };
    const scanned = async (key: string) => {
      const response = await fetch(`${baseUrl}/api/v1/messages?limit=100`, { headers: { authorization: `Bearer ${key}` } });
      return ((await response.json()) as { items: Array<{ verdict: unknown }> }).items.filter((m) => m.verdict).length;
    };
    await eventually(
      async () => (await scanned(keyA)) === messagesA.length && (await quarantined(keyA)) >= 2,
      'tenant A scanned and quarantined',
      240_000,
    );
    await eventually(async () => (await quarantined(keyB)) >= 1, 'tenant B quarantined', 120_000);
    return { service, baseUrl, tenantA: a.id, tenantB: b.id, keyA, keyB, users: named, close };
  } catch (error) {
    await close();
    throw error;
  }
}
