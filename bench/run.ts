/**
 * `npm run bench`: prints throughput and latency figures. Targets are stated beside each figure;
 * missing one is reported, not failed: speed is measured here, not asserted in unit tests.
 * `--json` prints the raw figures.
 */
import { benchBehaviour, formatBehaviourFigures } from './behaviour-bench.ts';
import { benchEngine } from './engine-bench.ts';
import { benchService, formatServiceFigures } from './service-bench.ts';

const json = process.argv.includes('--json');
// `npm run bench -- --behaviour-only`: the behaviour model's cost and memory alone.
if (process.argv.includes('--behaviour-only')) {
  const behaviour = await benchBehaviour();
  process.stdout.write(json ? `${JSON.stringify({ behaviour }, null, 2)}\n` : formatBehaviourFigures(behaviour));
  process.exit(0);
}
const engine = await benchEngine();
if (!json) {
  const o = engine.one_core;
  const a = engine.all_cores;
  const mark = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
  process.stdout.write(
    [
      `Scanning engine, whole pipeline, no network I/O: ${engine.messages} messages (${engine.data})`,
      `  one core:   ${o.msgs_per_sec} msg/s (target >= 300: ${mark(o.msgs_per_sec >= 300)}), p50 ${o.p50_ms} ms, p99 ${o.p99_ms} ms (target < 50: ${mark(o.p99_ms < 50)}), max ${o.max_ms} ms, RSS ${o.rss_mb} MB`,
      `  all cores:  ${a.msgs_per_sec} msg/s on ${a.threads} worker threads, p50 ${a.p50_ms} ms, p99 ${a.p99_ms} ms`,
      '',
    ].join('\n'),
  );
}
// The service end to end, after the engine: real processes (and PostgreSQL + NATS when reachable); never fails the run.
const service = await benchService();
if (!json) process.stdout.write(formatServiceFigures(service));
const behaviour = await benchBehaviour();
process.stdout.write(json ? `${JSON.stringify({ engine, service, behaviour }, null, 2)}\n` : formatBehaviourFigures(behaviour));
