import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../src/pipeline/create-engine.ts';

/** One worker thread of the all-cores benchmark: scans its share and reports latencies. */
const { messages } = workerData as { messages: Uint8Array[] };
const engine = createEngine();
for (const raw of messages.slice(0, 50)) await engine.scan(raw);
parentPort?.postMessage({ ready: true });
parentPort?.once('message', async () => {
  const latencies: number[] = [];
  for (const raw of messages) {
    const t = performance.now();
    await engine.scan(raw);
    latencies.push(performance.now() - t);
  }
  parentPort?.postMessage({ latencies });
});
