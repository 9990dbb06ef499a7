/**
 * `npm run bench`: prints throughput and latency figures. Targets are stated beside each figure;
 * missing one is reported, not failed: speed is measured here, not asserted in unit tests.
 * `--json` prints the raw figures; `--only engine` or `--only service` runs one part.
 *
 * One-core throughput is judged on CPU time per message (process.cpuUsage), which other
 * processes on a shared machine do not distort; the wall-clock rate is printed beside it.
 */
import { parseArgs } from 'node:util';
import { benchEngine, type EngineFigures } from './engine-bench.ts';
import { benchService, formatServiceFigures, type ServiceFigures } from './service-bench.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' } } });
if (values.only !== undefined && values.only !== 'engine' && values.only !== 'service') {
  process.stderr.write(`bench: --only takes engine or service, not ${values.only}\n`);
  process.exit(2);
}
const json = values.json ?? false;
const figures: { engine?: EngineFigures; service?: ServiceFigures } = {};

if (values.only !== 'service') {
  const engine = await benchEngine();
  figures.engine = engine;
  if (!json) process.stdout.write(formatEngineFigures(engine));
}
// The service end to end, after the engine: real processes (and PostgreSQL + NATS when reachable); never fails the run.
if (values.only !== 'engine') {
  const service = await benchService();
  figures.service = service;
  if (!json) process.stdout.write(formatServiceFigures(service));
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
    `  all cores:  ${a.msgs_per_sec} msg/s on ${a.threads} worker threads, p50 ${a.p50_ms} ms, p99 ${a.p99_ms} ms`,
    '',
  ].join('\n');
}
