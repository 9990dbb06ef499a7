/**
 * The service end to end: messages sent over SMTP to the journal port, stored, queued, scanned,
 * the report stored. Measured from the moment the receiver stores a message (`received_at`) to
 * the moment its report is committed (`scan_reports.created_at`), read from the database after
 * the run, so the figures count only what was durably done.
 *
 * Two setups: the embedded default (one `mailward start` process: PGlite, embedded queue) and
 * scale-out (PostgreSQL + NATS JetStream: one ingest process and two worker processes). Each
 * runs a sustained phase (as fast as the SMTP clients can send) and a paced phase (a steady
 * 100 msg/s, open loop, for latency under a realistic load). DNS is off, as in the engine bench.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { defaultServiceConfig } from '../src/config/service-config.ts';
import { loadSet } from '../src/eval/corpus.ts';
import { percentile } from '../src/eval/metrics.ts';
import { sleep } from '../src/queue/testing/wait.ts';
import type { Db } from '../src/storage/db.ts';
import { openDb } from '../src/storage/open-db.ts';
import { deleteTopology } from '../test/integration/queue/nats-world.ts';
import { createTempDatabase } from '../test/integration/queue/temp-postgres.ts';
import { type ServiceProcess, startMailward, stopMailward } from '../test/integration/service/harness.ts';
import { developmentSets, FIXTURES_DIR } from './corpus-sources.ts';

export interface PhaseFigures {
  messages: number;
  /** Stored verdicts per second, from the first message stored to the last report committed. */
  msgs_per_sec: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /**
   * CPU time the service processes used in the phase, per message stored, and as cores busy on
   * average: the machine may be shared, so wall-clock rates depend on the neighbours while CPU
   * time per message does much less.
   */
  cpu_ms_per_msg: number | null;
  cpu_cores: number | null;
}

export interface SetupFigures {
  setup: string;
  sustained: PhaseFigures & { smtp_clients: number };
  paced: PhaseFigures & { rate_per_sec: number };
}

export interface ServiceFigures {
  data: string;
  embedded: SetupFigures | { error: string };
  scaleout: SetupFigures | { skipped: string } | { error: string };
}

const SUSTAINED = Number(process.env.BENCH_SERVICE_MESSAGES ?? 2000);
/** `embedded`, `scaleout` or both (default): run one setup alone while tuning it. */
const SETUPS = (process.env.BENCH_SERVICE_SETUPS ?? 'embedded,scaleout').split(',');
const PACED_RATE = 100;
const PACED_SECONDS = 10;
const CLIENTS = 32;
/**
 * The organisation's mailboxes the journaled mail is addressed to, round robin. The corpora send
 * 43% of their messages to one honeypot address; journaled as they are, that one recipient's
 * partition (its mail is scanned in order) became a serial chain that set both the rate and the
 * tail, which says nothing about an organisation's journal.
 */
const RECIPIENTS = 200;
const WARMUP = 100;

export async function benchService(): Promise<ServiceFigures> {
  const { messages, data } = await corpus();
  const figures: ServiceFigures = { data, embedded: { error: 'not run' }, scaleout: { skipped: 'not run' } };
  try {
    if (SETUPS.includes('embedded')) figures.embedded = await benchEmbedded(messages);
  } catch (error) {
    figures.embedded = { error: String(error) };
  }
  try {
    if (SETUPS.includes('scaleout')) figures.scaleout = await benchScaleOut(messages);
  } catch (error) {
    const message = String(error).split('\n')[0];
    figures.scaleout = error instanceof Unavailable ? { skipped: message } : { error: message };
  }
  return figures;
}

async function corpus(): Promise<{ messages: Uint8Array[]; data: string }> {
  const sets = developmentSets();
  const dirs = sets ? [...sets.ham, ...sets.threat] : [FIXTURES_DIR];
  const seen = new Set<string>();
  const all: Uint8Array[] = [];
  for (const dir of dirs) all.push(...(await loadSet(dir, seen)).messages.map((m) => m.raw));
  // A spread of ham and threats, every message under 1 MB (journal copies are mostly small).
  const picked = all.filter((m) => m.length < 1_000_000).filter((_, i, list) => i % Math.max(1, Math.floor(list.length / 500)) === 0);
  return {
    messages: picked,
    data: `${sets ? `development corpora, ${picked.length} distinct messages cycled` : 'repository fixtures, cycled'}, to ${RECIPIENTS} mailboxes`,
  };
}

/**
 * Message `i` of the run: a corpus message with a unique first header, so storage sees a new
 * message, addressed to one of the organisation's mailboxes (its To field replaced).
 */
function nth(messages: Uint8Array[], run: string, i: number): Buffer {
  const raw = Buffer.from(messages[i % messages.length]);
  return Buffer.concat([Buffer.from(`X-Bench: ${run}-${i}\r\n`), addressedTo(raw, `user${i % RECIPIENTS}@example.com`)]);
}

function addressedTo(raw: Buffer, recipient: string): Buffer {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headerEnd = end >= 0 ? end : raw.length;
  const head = raw.subarray(0, headerEnd).toString('latin1');
  // The To field with its folded continuation lines.
  const replaced = /^to:.*(?:\r?\n[ \t].*)*/im.test(head)
    ? head.replace(/^to:.*(?:\r?\n[ \t].*)*/im, `To: ${recipient}`)
    : `To: ${recipient}\r\n${head}`;
  return Buffer.concat([Buffer.from(replaced, 'latin1'), raw.subarray(headerEnd)]);
}

/** Sends `count` messages over `clients` pooled connections, optionally paced; returns when all are answered. */
async function send(port: number, messages: Uint8Array[], run: string, count: number, options: { rate?: number } = {}): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: CLIENTS,
    maxMessages: Infinity,
  });
  let failed = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        if (options.rate) await sleep(Math.max(0, started + (i * 1000) / options.rate - performance.now()));
        await transport
          .sendMail({ envelope: { from: 'mta@bench.example.com', to: ['journal@example.com'] }, raw: nth(messages, run, i) })
          .catch(() => {
            failed++;
          });
      }),
    );
  } finally {
    transport.close();
  }
  return count - failed;
}

/** CPU time (user + system, all threads) of processes, in ms; null where /proc is not there. */
function cpuMs(pids: number[]): number | null {
  try {
    const ticks = pids.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + Number(fields[11]) + Number(fields[12]);
    }, 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SEC;
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_SEC = 100;

/** Latency and throughput of the messages stored in [since, until); `cpu` is the service's CPU ms in the phase. */
async function phase(db: Db, since: Date, until: Date, cpu: number | null): Promise<PhaseFigures> {
  const { rows } = await db.query<{ received: Date | string; stored: Date | string }>(
    `SELECT m.received_at AS received, min(r.created_at) AS stored FROM messages m
     JOIN scan_reports r ON r.tenant_id = m.tenant_id AND r.message_id = m.id
     WHERE m.received_at >= $1::timestamptz AND m.received_at < $2::timestamptz GROUP BY m.id, m.received_at`,
    [since.toISOString(), until.toISOString()],
  );
  const ms = (d: Date | string) => new Date(d).getTime();
  const latencies = rows.map((r) => Math.max(0, ms(r.stored) - ms(r.received))).sort((a, b) => a - b);
  const first = Math.min(...rows.map((r) => ms(r.received)));
  const last = Math.max(...rows.map((r) => ms(r.stored)));
  return {
    messages: rows.length,
    msgs_per_sec: round((rows.length * 1000) / Math.max(1, last - first)),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? 0),
    cpu_ms_per_msg: cpu === null || rows.length === 0 ? null : round(cpu / rows.length),
    cpu_cores: cpu === null ? null : round(cpu / Math.max(1, until.getTime() - since.getTime())),
  };
}

/** Runs warm-up, sustained and paced phases; `scannedAll` says when every stored message has a report. */
async function runPhases(port: number, messages: Uint8Array[], scannedAll: () => Promise<boolean>, pids: number[]) {
  const run = randomBytes(3).toString('hex');
  // Polled once a second: on the embedded setup every poll is work for the service being measured.
  const drained = async (what: string) => {
    const deadline = Date.now() + 900_000;
    while (!(await scannedAll())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the ${what} to be scanned`);
      await sleep(1_000);
    }
  };
  await send(port, messages, `${run}-warm`, WARMUP);
  await drained('warm-up');
  const c0 = cpuMs(pids);
  const t0 = new Date();
  await send(port, messages, `${run}-sustained`, SUSTAINED);
  await drained('sustained phase');
  const c1 = cpuMs(pids);
  const t1 = new Date();
  await send(port, messages, `${run}-paced`, PACED_RATE * PACED_SECONDS, { rate: PACED_RATE });
  await drained('paced phase');
  const c2 = cpuMs(pids);
  const spent = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return { t0, t1, t2: new Date(), cpu: { sustained: spent(c0, c1), paced: spent(c1, c2) } };
}

async function benchEmbedded(messages: Uint8Array[]): Promise<SetupFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailward-bench-'));
  let service: ServiceProcess | undefined;
  try {
    service = await startMailward({ env: { MAILWARD_DATA: dataDir, MAILWARD_LOG_LEVEL: 'error' } });
    const key = service.apiKey;
    const url = service.apiUrl;
    const scannedAll = async () => {
      const response = await fetch(`${url}/api/v1/messages?verdict=unscanned&limit=1`, { headers: { authorization: `Bearer ${key}` } });
      return ((await response.json()) as { items: unknown[] }).items.length === 0;
    };
    const { t0, t1, t2, cpu } = await runPhases(service.smtpPort!, messages, scannedAll, [service.child.pid!]);
    await stopMailward(service, 'SIGINT');
    service = undefined;
    const db = await openDb({ dataDir: join(dataDir, 'db') });
    try {
      return {
        setup: `embedded default: one process, PGlite, embedded queue, ${scanThreads()}`,
        sustained: { ...(await phase(db, t0, t1, cpu.sustained)), smtp_clients: CLIENTS },
        paced: { ...(await phase(db, t1, t2, cpu.paced)), rate_per_sec: PACED_RATE },
      };
    } finally {
      await db.close();
    }
  } finally {
    if (service) await stopMailward(service, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

class Unavailable extends Error {}

async function benchScaleOut(messages: Uint8Array[]): Promise<SetupFigures> {
  const database = await createTempDatabase('service_bench').catch((error: unknown) => {
    throw new Unavailable(`PostgreSQL not reachable (${String(error)}); set TEST_POSTGRES_ADMIN_URL`);
  });
  const suffix = randomBytes(4).toString('hex');
  const topology = {
    jobsStream: `MWBENCH_${suffix}`,
    deadStream: `MWBENCH_${suffix}_DEAD`,
    subjectPrefix: `mwbench_${suffix}`,
    buckets: 16,
  };
  const env = {
    DATABASE_URL: database.url,
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    MAILWARD_NATS_STREAM: topology.jobsStream,
    MAILWARD_NATS_SUBJECT_PREFIX: topology.subjectPrefix,
    MAILWARD_LOG_LEVEL: 'error',
  };
  const processes: ServiceProcess[] = [];
  let db: Db | undefined;
  try {
    const ingest = await startMailward({ env, args: ['--role', 'ingest'] });
    processes.push(ingest);
    for (let i = 0; i < 2; i++) processes.push(await startMailward({ env, args: ['--role', 'worker'] }));
    db = await openDb({ url: database.url, migrate: false });
    const store = db;
    const scannedAll = async () => (await store.query('SELECT 1 FROM messages WHERE verdict_class IS NULL LIMIT 1')).rowCount === 0;
    const pids = processes.map((p) => p.child.pid!);
    const { t0, t1, t2, cpu } = await runPhases(ingest.smtpPort!, messages, scannedAll, pids);
    return {
      setup: `scale-out: PostgreSQL + NATS JetStream, 1 ingest process, 2 worker processes (each ${scanThreads()}); CPU of these 3 processes only, not of PostgreSQL or NATS`,
      sustained: { ...(await phase(db, t0, t1, cpu.sustained)), smtp_clients: CLIENTS },
      paced: { ...(await phase(db, t1, t2, cpu.paced)), rate_per_sec: PACED_RATE },
    };
  } finally {
    await Promise.all(processes.map((p) => stopMailward(p, 'SIGTERM')));
    await db?.close();
    await database.drop().catch(() => {});
    await deleteTopology(topology).catch(() => {});
  }
}

function scanThreads(): string {
  const threads = Number(process.env.MAILWARD_WORKER_SCAN_THREADS ?? Math.min(availableParallelism(), 8));
  const jobs = process.env.MAILWARD_WORKER_CONCURRENCY ?? String(defaultServiceConfig().worker.concurrency);
  return `${jobs} jobs at once, ${threads === 0 ? 'scans in the main thread' : `${threads} scan threads`}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The lines `npm run bench` prints. Targets are stated; missing one is reported, never failed. */
export function formatServiceFigures(figures: ServiceFigures): string {
  const mark = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
  const lines = [`Service end to end, SMTP receipt to stored verdict (${figures.data}):`];
  const setup = (name: string, f: SetupFigures | { error: string } | { skipped: string }, target: boolean) => {
    if ('error' in f) return lines.push(`  ${name}: failed: ${f.error}`);
    if ('skipped' in f) return lines.push(`  ${name}: skipped: ${f.skipped}`);
    const s = f.sustained;
    const p = f.paced;
    const cpu = (x: PhaseFigures) => (x.cpu_ms_per_msg === null ? '' : `; CPU ${x.cpu_ms_per_msg} ms/msg, ${x.cpu_cores} cores busy`);
    lines.push(
      `  ${f.setup}`,
      `    sustained: ${s.msgs_per_sec} msg/s over ${s.messages} messages from ${s.smtp_clients} SMTP clients${target ? ` (target >= 200: ${mark(s.msgs_per_sec >= 200)})` : ''}, p50 ${s.p50_ms} ms, p95 ${s.p95_ms} ms, p99 ${s.p99_ms} ms${cpu(s)}`,
      `    at ${p.rate_per_sec} msg/s offered (${p.msgs_per_sec} msg/s received to stored): p50 ${p.p50_ms} ms, p95 ${p.p95_ms} ms, p99 ${p.p99_ms} ms (target < 1000: ${mark(p.p99_ms < 1000)}), max ${p.max_ms} ms, ${p.messages} messages${cpu(p)}`,
    );
  };
  setup('embedded', figures.embedded, true);
  setup('scale-out', figures.scaleout, false);
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const figures = await benchService();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(figures, null, 2)}\n` : formatServiceFigures(figures));
}
