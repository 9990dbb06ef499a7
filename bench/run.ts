/**
 * `npm run bench`: prints throughput and latency figures. Targets are stated beside each figure;
 * missing one is reported, not failed: speed is measured here, not asserted in unit tests.
 * `--json` prints the raw figures; `--only NAME[,NAME]` runs some parts (names below).
 *
 * One-core throughput is judged on CPU time per message (process.cpuUsage), which other
 * processes on a shared machine do not distort; the wall-clock rate is printed beside it.
 */
import { parseArgs } from 'node:util';
import { benchBehaviour, formatBehaviourFigures } from './behaviour-bench.ts';
import { benchEngine, type EngineFigures } from './engine-bench.ts';
import { benchImap, formatImapFigures } from './imap-bench.ts';
import { benchModel, formatModelFigures } from './model-bench.ts';
import { benchQuarantine, formatQuarantineFigures } from './quarantine-bench.ts';
import { benchService, formatServiceFigures } from './service-bench.ts';

interface BenchPart {
  run(): Promise<unknown>;
  format(figures: never): string;
}

/** In the order they run: the engine first, then what is built on it. */
const PARTS: Record<string, BenchPart> = {
  engine: { run: benchEngine, format: formatEngineFigures },
  // The content model's cost: the engine with and without it.
  model: { run: benchModel, format: formatModelFigures },
  // The service end to end: real processes (and PostgreSQL + NATS when reachable); never fails the run.
  service: { run: benchService, format: formatServiceFigures },
  // Mailbox protection over IMAP with a real Dovecot (skipped when Dovecot is not installed).
  imap: { run: () => benchImap().catch((error: unknown) => ({ error: String(error) })), format: formatImapFigures },
  // The console's quarantine list at 50,000 messages on the embedded database.
  quarantine: { run: benchQuarantine, format: formatQuarantineFigures },
  // The behaviour model's learning and scoring cost, and a 10,000-user tenant's profile memory.
  behaviour: { run: benchBehaviour, format: formatBehaviourFigures },
};

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' } } });
const chosen = values.only === undefined ? Object.keys(PARTS) : values.only.split(',');
const unknown = chosen.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  process.stderr.write(`bench: --only takes ${Object.keys(PARTS).join(', ')}; not ${unknown.join(', ')}\n`);
  process.exit(2);
}
const json = values.json ?? false;
const figures: Record<string, unknown> = {};
for (const name of chosen) {
  const part = PARTS[name] as BenchPart;
  const result = await part.run();
  figures[name] = result;
  if (!json) process.stdout.write(part.format(result as never));
}
if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);

function formatEngineFigures(engine: EngineFigures): string {
  const o = engine.one_core;
  const a = engine.all_cores;
  const mark = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
  return [
    `Scanning engine, whole pipeline, no network I/O: ${engine.messages} messages (${engine.data})`,
    `  one core:   ${o.cpu_ms_per_msg} CPU ms/msg = ${o.cpu_msgs_per_sec} msg/s (target >= 300: ${mark(o.cpu_msgs_per_sec >= 300)}); wall clock ${o.msgs_per_sec} msg/s`,
    `              p50 ${o.p50_ms} ms, p99 ${o.p99_ms} ms (target < 50: ${mark(o.p99_ms < 50)}), max ${o.max_ms} ms, RSS ${o.rss_mb} MB`,
    `  one core, ${engine.one_core_in_flight.in_flight} messages in flight (as a scan thread runs): ${engine.one_core_in_flight.msgs_per_sec} msg/s wall clock, ${engine.one_core_in_flight.cpu_ms_per_msg} CPU ms/msg`,
    `  all cores:  ${a.msgs_per_sec} msg/s on ${a.threads} worker threads, p50 ${a.p50_ms} ms, p99 ${a.p99_ms} ms`,
    '',
  ].join('\n');
}
