/**
 * Delivery to remediation over IMAP, with a real Dovecot: 20 watched mailboxes, phishing messages
 * delivered over LMTP at a steady rate spread across them (open loop: one send every 1/rate s,
 * whatever the service does). For each message: from the start of its LMTP delivery until the
 * quarantine action that moved it out of the inbox committed (`actions.completed_at`, written
 * right after the IMAP MOVE returned), read from the database after the run, so only what was
 * durably done counts. The service runs in this process on its embedded default (PGlite and the
 * embedded queue); `BENCH_IMAP_DB=postgres` runs it on PostgreSQL (127.0.0.1:5432, a database of
 * its own) with the embedded queue instead. CPU time of this process is reported beside wall
 * time, because the machine may be shared.
 */

import { existsSync } from 'node:fs';
import { percentile } from '../src/eval/metrics.ts';
import { eventually, sleep } from '../src/queue/testing/wait.ts';
import { DOVECOT_BINARY, type DovecotUser, startDovecot } from '../test/integration/imap/dovecot.ts';
import { phishMessage } from '../test/integration/imap/messages.ts';
import { startServiceWorld, tempDataDir } from '../test/integration/imap/world.ts';
import { createTempDatabase, type TempDatabase } from '../test/integration/queue/temp-postgres.ts';

export interface ImapFigures {
  setup: string;
  mailboxes: number;
  rate_per_sec: number;
  seconds: number;
  delivered: number;
  remediated: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /** CPU seconds of the service process per wall second of the run (1.0 = one core busy). */
  cpu_cores_used: number;
  median_stages: { stored_ms: number; scanned_ms: number; action_started_ms: number; action_done_ms: number };
}

const MAILBOXES = Number(process.env.BENCH_IMAP_MAILBOXES ?? 20);
const RATE = Number(process.env.BENCH_IMAP_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_IMAP_SECONDS ?? 30);
const WARMUP = 20;

export async function benchImap(): Promise<ImapFigures | { skipped: string } | { error: string }> {
  if (!existsSync(DOVECOT_BINARY)) return { skipped: `no Dovecot at ${DOVECOT_BINARY} (bash .ci/ensure-dovecot.sh)` };
  const users: DovecotUser[] = Array.from({ length: MAILBOXES }, (_, i) => ({ address: `user${i}@example.com`, password: `pw-${i}` }));
  const dovecot = await startDovecot(users);
  const data = tempDataDir();
  let database: TempDatabase | null = null;
  if (process.env.BENCH_IMAP_DB === 'postgres') database = await createTempDatabase('imap_bench');
  const world = await startServiceWorld(data.dir, { databaseUrl: database?.url }).catch(async (error) => {
    await dovecot.stop();
    await database?.drop();
    data.remove();
    throw error;
  });
  try {
    const ids: string[] = [];
    for (const user of users) {
      const added = await world.call<{ id: string }>('POST', '/mailboxes', {
        address: user.address,
        host: dovecot.host,
        port: dovecot.imapPort,
        tls: false,
        password: user.password,
      });
      if (added.status !== 201) throw new Error(`could not add ${user.address}: ${JSON.stringify(added.body)}`);
      ids.push(added.body.id);
    }
    await eventually(
      async () => {
        const { body } = await world.call<{ items: { connection: { cursor: unknown } | null }[] }>('GET', '/mailboxes');
        return body.items.every((m) => m.connection?.cursor);
      },
      'every mailbox watched',
      60_000,
    );

    // Warm-up (not measured): the first scans load the engine's lazy parts.
    await Promise.all(users.slice(0, WARMUP).map((u) => dovecot.deliver(phishMessage(u.address, { tag: 'warm-up' }).raw, [u.address])));
    await sleep(5000);

    const sentAt = new Map<string, number>();
    const sends: Promise<void>[] = [];
    const total = RATE * SECONDS;
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const start = Date.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const user = users[i % users.length];
      const message = phishMessage(user.address, { tag: `bench ${i}` });
      sentAt.set(message.messageId, Date.now());
      sends.push(dovecot.deliver(message.raw, [user.address]).catch(() => {}));
    }
    await Promise.all(sends);
    const db = world.running.deps.db;
    const done = async () => {
      const { rows } = await db.query<{
        message_id_header: string;
        completed_at: Date | string;
        stored_at: Date | string;
        scanned_at: Date | string;
        planned_at: Date | string;
      }>(
        `SELECT m.message_id_header, a.completed_at, m.created_at AS stored_at, m.scanned_at, a.created_at AS planned_at
         FROM actions a JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
         WHERE a.kind = 'quarantine' AND a.state = 'done' AND m.subject LIKE '%(bench %'`,
      );
      return rows;
    };
    const deadline = Date.now() + 120_000;
    let rows = await done();
    while (rows.length < total && Date.now() < deadline) {
      await sleep(1000);
      rows = await done();
    }
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    // Where the time goes (medians): delivery -> stored by the watcher -> scanned -> action started -> done.
    const median = (values: number[]) =>
      Math.round(
        percentile(
          values.sort((a, b) => a - b),
          50,
        ),
      );
    const ms = (d: Date | string) => new Date(d).getTime();
    const stages = {
      stored_ms: median(rows.map((r) => ms(r.stored_at) - (sentAt.get(r.message_id_header) ?? 0))),
      scanned_ms: median(rows.map((r) => ms(r.scanned_at) - ms(r.stored_at))),
      action_started_ms: median(rows.map((r) => ms(r.planned_at) - ms(r.scanned_at))),
      action_done_ms: median(rows.map((r) => ms(r.completed_at) - ms(r.planned_at))),
    };
    const latencies = rows
      .map((row) => {
        const sent = sentAt.get(row.message_id_header);
        return sent === undefined ? null : new Date(row.completed_at).getTime() - sent;
      })
      .filter((ms): ms is number => ms !== null)
      .sort((a, b) => a - b);
    return {
      setup: database ? 'PostgreSQL + embedded queue' : 'embedded (PGlite)',
      mailboxes: MAILBOXES,
      rate_per_sec: RATE,
      seconds: SECONDS,
      delivered: total,
      remediated: latencies.length,
      p50_ms: Math.round(percentile(latencies, 50)),
      p95_ms: Math.round(percentile(latencies, 95)),
      p99_ms: Math.round(percentile(latencies, 99)),
      max_ms: latencies.at(-1) ?? 0,
      cpu_cores_used: Math.round(((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100) / 100,
      median_stages: stages,
    };
  } finally {
    await world.running.stop();
    await dovecot.stop();
    await database?.drop();
    data.remove();
  }
}

export function formatImapFigures(figures: Awaited<ReturnType<typeof benchImap>>): string {
  if ('skipped' in figures) return `IMAP delivery to remediation: skipped (${figures.skipped})\n`;
  if ('error' in figures) return `IMAP delivery to remediation: error: ${figures.error}\n`;
  const f = figures;
  const mark = f.p95_ms < 2000 && f.remediated === f.delivered ? 'meets target' : 'BELOW TARGET';
  return [
    `IMAP delivery to remediation (real Dovecot, LMTP delivery to the phish gone from the inbox; service: ${f.setup}):`,
    `  ${f.mailboxes} mailboxes, ${f.rate_per_sec} msg/s for ${f.seconds} s: ${f.remediated}/${f.delivered} quarantined`,
    `  p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms (target < 2000: ${mark}), p99 ${f.p99_ms} ms, max ${f.max_ms} ms; service CPU ${f.cpu_cores_used} cores`,
    `  medians: stored ${f.median_stages.stored_ms} ms after delivery, scanned +${f.median_stages.scanned_ms} ms, action started +${f.median_stages.action_started_ms} ms, done +${f.median_stages.action_done_ms} ms`,
    '',
  ].join('\n');
}
