import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadSet } from '../src/eval/corpus.ts';
import { percentile } from '../src/eval/metrics.ts';
import { createEngine } from '../src/pipeline/create-engine.ts';
import { developmentSets, FIXTURES_DIR } from './corpus-sources.ts';

export interface EngineFigures {
  data: string;
  messages: number;
  one_core: {
    /** Wall-clock throughput: falls when other processes share the machine. */
    msgs_per_sec: number;
    /** CPU time (user + system, process.cpuUsage) per message: the load-independent figure. */
    cpu_ms_per_msg: number;
    /** One core's throughput from CPU time: 1000 / cpu_ms_per_msg. */
    cpu_msgs_per_sec: number;
    p50_ms: number;
    p99_ms: number;
    max_ms: number;
    rss_mb: number;
  };
  /**
   * One thread with several messages in flight, as a service scan thread runs (8 concurrent jobs
   * over the scan threads by default): the parser's event-loop hops (setImmediate between chunks)
   * of one message are filled by another's work.
   */
  one_core_in_flight: { in_flight: number; msgs_per_sec: number; cpu_ms_per_msg: number };
  all_cores: { threads: number; msgs_per_sec: number; p50_ms: number; p99_ms: number };
}

/** Whole-pipeline throughput (parse to verdict, no network I/O) on one core and on all cores. */
export async function benchEngine(): Promise<EngineFigures> {
  const sets = developmentSets();
  const dirs = sets ? [...sets.ham, ...sets.threat] : [FIXTURES_DIR];
  const seen = new Set<string>();
  const messages: Uint8Array[] = [];
  for (const dir of dirs) messages.push(...(await loadSet(dir, seen)).messages.map((m) => m.raw));
  // Interleave ham and threats so both are measured in every stretch of the run.
  messages.sort((a, b) => hashOrder(a) - hashOrder(b));

  const engine = createEngine();
  for (const raw of messages.slice(0, 200)) await engine.scan(raw);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const raw of messages) {
    const t = performance.now();
    await engine.scan(raw);
    latencies.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerMsg = (cpu.user + cpu.system) / 1000 / messages.length;
  latencies.sort((a, b) => a - b);

  const inFlight = await runInFlight(engine, messages, IN_FLIGHT);

  const threads = availableParallelism();
  const all = await runThreads(messages, threads);
  return {
    data: sets ? 'development corpora (phishing-pot-dev, easy-ham-1, hard-ham-1)' : 'repository fixtures only',
    messages: messages.length,
    one_core: {
      msgs_per_sec: round((messages.length * 1000) / elapsed),
      cpu_ms_per_msg: round(cpuMsPerMsg),
      cpu_msgs_per_sec: round(1000 / cpuMsPerMsg),
      p50_ms: round(percentile(latencies, 50)),
      p99_ms: round(percentile(latencies, 99)),
      max_ms: round(latencies[latencies.length - 1] ?? 0),
      rss_mb: round(process.memoryUsage().rss / 1048576),
    },
    one_core_in_flight: inFlight,
    all_cores: { threads, ...all },
  };
}

const IN_FLIGHT = 4;

async function runInFlight(engine: ReturnType<typeof createEngine>, messages: Uint8Array[], inFlight: number) {
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < messages.length) await engine.scan(messages[next++]);
    }),
  );
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    in_flight: inFlight,
    msgs_per_sec: round((messages.length * 1000) / elapsed),
    cpu_ms_per_msg: round((cpu.user + cpu.system) / 1000 / messages.length),
  };
}

async function runThreads(messages: Uint8Array[], threads: number) {
  const shards = Array.from({ length: threads }, (_, i) => messages.filter((_, j) => j % threads === i));
  const workers = shards.map((shard) => new Worker(new URL('./engine-worker.ts', import.meta.url), { workerData: { messages: shard } }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const started = performance.now();
  const results = await Promise.all(
    workers.map(
      (w) =>
        new Promise<number[]>((resolve, reject) => {
          w.once('message', (m: { latencies: number[] }) => resolve(m.latencies));
          w.once('error', reject);
          w.postMessage('go');
        }),
    ),
  );
  const elapsed = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  const latencies = results.flat().sort((a, b) => a - b);
  return {
    msgs_per_sec: round((latencies.length * 1000) / elapsed),
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
  };
}

function hashOrder(raw: Uint8Array): number {
  let h = 2166136261;
  for (let i = 0; i < Math.min(raw.length, 256); i++) h = Math.imul(h ^ raw[i], 16777619);
  return h >>> 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
