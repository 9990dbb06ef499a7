/**
 * The console's quarantine list at scale: 50,000 quarantined messages (with other layers'
 * verdicts) in the embedded database (PGlite in a data folder, the default), then list, filter
 * and page calls through the HTTP API (fastify inject: routing, auth, validation, SQL, JSON).
 * Target: every call under 300 ms. Wall time is noisy on a shared machine, so the process CPU
 * time of each call is reported beside it (PGlite runs inside this process, so that includes the SQL).
 *
 * Run alone: `node bench/quarantine-bench.ts` or `npm run bench -- --only quarantine`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApi } from '../src/api/server.ts';
import { testDeps } from '../src/api/testing/api-world.ts';
import { openDb } from '../src/storage/open-db.ts';

export interface QuarantineBenchFigures {
  messages: number;
  load_seconds: number;
  target_ms: number;
  calls: Array<{ name: string; rows: number; p50_ms: number; max_ms: number; cpu_p50_ms: number; meets_target: boolean }>;
}

const TARGET_MS = 300;
const RUNS = 7;

/** 50k messages, quarantine entries and layer verdicts, written by SQL in a few statements (the API path is what is timed, not the load). */
async function load(db: Awaited<ReturnType<typeof openDb>>, tenantId: string, mailboxId: string, count: number): Promise<void> {
  await db.query(
    `INSERT INTO raw_messages (tenant_id, sha256, size_bytes, compression, content)
     SELECT $1, encode(sha256(('bench-' || i)::bytea), 'hex'), 2048, 'gzip', '\\x1f8b'::bytea FROM generate_series(1, $2) AS i`,
    [tenantId, count],
  );
  await db.query(
    `INSERT INTO messages (tenant_id, mailbox_id, provider_message_id, message_id_header, from_address, from_name, to_addresses, subject,
       received_at, size_bytes, sha256, verdict_class, verdict_score, scanned_at)
     SELECT $1, $2, 'bench-' || i, '<bench-' || i || '@sender.example.net>',
       'sender' || (i % 97) || '@' || CASE WHEN i % 1000 = 0 THEN 'rare-attacker.example.net' ELSE 'domain' || (i % 400) || '.example.net' END,
       'Sender ' || (i % 97),
       ARRAY['user' || (i % 2000) || '@example.com'],
       (ARRAY['Invoice', 'Password expires', 'Payment advice', 'Shared document', 'Voicemail', 'Delivery failed', 'Account locked'])[1 + i % 7]
         || ' ' || i || CASE WHEN i % 5000 = 0 THEN ' quarterly bonus statement' ELSE '' END,
       now() - (i * interval '50 seconds'), 2048, encode(sha256(('bench-' || i)::bytea), 'hex'),
       (ARRAY['phish', 'malware', 'spam', 'suspicious', 'phish', 'spam'])[1 + i % 6], 5 + (i % 20), now() - (i * interval '50 seconds')
     FROM generate_series(1, $3) AS i`,
    [tenantId, mailboxId, count],
  );
  await db.query(
    `INSERT INTO quarantine_entries (tenant_id, message_id, state, reason, decided_by, quarantined_at)
     SELECT m.tenant_id, m.id, CASE WHEN random() < 0.05 THEN 'released' ELSE 'quarantined' END, 'policy', 'system',
       m.received_at + interval '2 seconds'
     FROM messages m WHERE m.tenant_id = $1`,
    [tenantId],
  );
  // The provider caught about a third; a vendor reported on a few.
  await db.query(
    `INSERT INTO layer_verdicts (tenant_id, message_id, layer, kind, verdict, caught, score, details, source)
     SELECT m.tenant_id, m.id, 'microsoft-365', 'provider', CASE WHEN h < 0.33 THEN 'phish' ELSE 'clean' END, h < 0.33,
       CASE WHEN h < 0.33 THEN 9 ELSE 1 END, '{"summary": "Microsoft 365"}', 'headers'
     FROM (SELECT id, tenant_id, random() AS h FROM messages WHERE tenant_id = $1) m`,
    [tenantId],
  );
  await db.query(
    `INSERT INTO layer_verdicts (tenant_id, message_id, layer, kind, verdict, caught, score, details, source)
     SELECT m.tenant_id, m.id, 'acme-sec', 'vendor', 'phish', true, 90, '{"summary": "acme-sec"}', 'api'
     FROM messages m WHERE m.tenant_id = $1 AND m.provider_message_id LIKE '%7'`,
    [tenantId],
  );
  await db.query('ANALYZE');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function benchQuarantine(count = 50_000): Promise<QuarantineBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'mailward-qbench-'));
  const db = await openDb({ dataDir: join(dir, 'db') });
  try {
    const deps = testDeps(db);
    const tenant = await deps.repos.tenants.create({ name: 'bench', domains: ['example.com'] });
    const mailbox = await deps.repos.mailboxes.upsert(tenant.id, { address: 'journal@example.com', provider: 'smtp-journal' });
    const started = Date.now();
    await load(db, tenant.id, mailbox.id, count);
    const loadSeconds = (Date.now() - started) / 1000;
    const { token } = await deps.repos.apiKeys.create(tenant.id, { name: 'bench', role: 'read-only' });
    const app = await buildApi(deps);
    await app.ready();

    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json() as { items: unknown[]; nextCursor: string | null };
    };
    // A cursor deep into the list: page 100 of 50.
    let deep = '';
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: { nextCursor: string | null } = await get(`/quarantine?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = page.nextCursor;
    }
    deep = cursor ?? '';
    const week = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const day = new Date(Date.now() - 86_400_000).toISOString();
    const calls: Array<[string, string]> = [
      ['first page (state=quarantined)', '/quarantine?state=quarantined&limit=50'],
      ['page 101 (keyset cursor)', `/quarantine?state=quarantined&limit=50&cursor=${deep}`],
      ['oldest first', '/quarantine?state=quarantined&sort=oldest&limit=50'],
      ['verdict=malware', '/quarantine?state=quarantined&verdict=malware&limit=50'],
      ['caught by provider', '/quarantine?state=quarantined&layer=provider&limit=50'],
      ['caught by a vendor (rare layer)', '/quarantine?layer=acme-sec&limit=50'],
      ['sender domain (rare, 50 rows)', '/quarantine?senderDomain=rare-attacker.example.net&limit=50'],
      ['recipient', '/quarantine?recipient=user17@example.com&limit=50'],
      ['subject text (rare words)', '/quarantine?q=quarterly%20bonus&limit=50'],
      ['subject text (common word)', '/quarantine?q=invoice&limit=50'],
      ['time range (last day)', `/quarantine?since=${encodeURIComponent(day)}&limit=50`],
      [
        'combined: phish, caught by Mailward, last week',
        `/quarantine?verdict=phish&layer=mailward&since=${encodeURIComponent(week)}&limit=50`,
      ],
      ['page size 500', '/quarantine?limit=500'],
    ];
    const figures: QuarantineBenchFigures['calls'] = [];
    for (const [name, url] of calls) {
      const wall: number[] = [];
      const cpu: number[] = [];
      let rows = 0;
      for (let run = 0; run < RUNS; run++) {
        const cpuBefore = process.cpuUsage();
        const t0 = performance.now();
        rows = (await get(url)).items.length;
        wall.push(performance.now() - t0);
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
      }
      const p50 = percentile(wall, 50);
      figures.push({
        name,
        rows,
        p50_ms: Math.round(p50 * 10) / 10,
        max_ms: Math.round(Math.max(...wall) * 10) / 10,
        cpu_p50_ms: Math.round(percentile(cpu, 50) * 10) / 10,
        meets_target: p50 < TARGET_MS,
      });
    }
    await app.close();
    return { messages: count, load_seconds: Math.round(loadSeconds), target_ms: TARGET_MS, calls: figures };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatQuarantineFigures(f: QuarantineBenchFigures): string {
  const lines = [
    `Console quarantine list through the API, ${f.messages.toLocaleString('en')} quarantined messages on embedded PGlite (loaded in ${f.load_seconds} s); target < ${f.target_ms} ms per call, p50 of ${RUNS} runs:`,
    ...f.calls.map(
      (c) =>
        `  ${c.name.padEnd(46)} ${String(c.p50_ms).padStart(7)} ms wall (max ${c.max_ms}), ${String(c.cpu_p50_ms).padStart(6)} ms CPU, ${String(c.rows).padStart(3)} rows  ${c.meets_target ? 'meets target' : 'ABOVE TARGET'}`,
    ),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.main) {
  const figures = await benchQuarantine(Number(process.env.MAILWARD_BENCH_QUARANTINE ?? 50_000));
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(figures, null, 2)}\n` : formatQuarantineFigures(figures));
}
