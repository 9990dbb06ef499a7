import { loadSet } from '../src/eval/corpus.ts';
import { parseMessage } from '../src/mime/parse.ts';
import { createEngineWithoutModel } from '../src/model/engine-without-model.ts';
import { messageFeatures } from '../src/model/features.ts';
import { threatLogit } from '../src/model/linear-model.ts';
import { shippedModel } from '../src/model/shipped-model.ts';
import { vectorize } from '../src/model/vectorize.ts';
import { createEngine } from '../src/pipeline/create-engine.ts';
import type { Engine } from '../src/pipeline/engine.ts';
import { developmentSets, FIXTURES_DIR } from './corpus-sources.ts';

export interface ModelFigures {
  data: string;
  messages: number;
  /** The model's own work per message (features, hashing, weights), parse excluded. */
  model_cpu_us_per_msg: number;
  /** Whole pipeline, CPU time per message, with and without the model (best of the alternating rounds). */
  with_model_cpu_ms_per_msg: number;
  without_model_cpu_ms_per_msg: number;
  with_model_msgs_per_sec: number;
  without_model_msgs_per_sec: number;
  /** Throughput change from adding the model, from CPU time (negative: slower). */
  throughput_change_pct: number;
}

const ROUNDS = 3;

/**
 * The content model's cost: alone, and as the difference it makes to the whole pipeline. The two
 * engines run in alternating rounds and the best round of each counts, so a burst of load from
 * other processes does not land on one side only. CPU time (process.cpuUsage) is reported next to
 * wall time because wall time on a shared machine measures the neighbours too.
 */
export async function benchModel(): Promise<ModelFigures> {
  const sets = developmentSets();
  const dirs = sets ? [...sets.ham, ...sets.threat] : [FIXTURES_DIR];
  const seen = new Set<string>();
  const messages: Uint8Array[] = [];
  for (const dir of dirs) messages.push(...(await loadSet(dir, seen)).messages.map((m) => m.raw));
  // Every third message keeps a full run under a minute on a busy machine.
  const sample = sets ? messages.filter((_, i) => i % 3 === 0) : messages;

  const model = shippedModel();
  const parsed = [];
  for (const raw of sample) {
    try {
      parsed.push(await parseMessage(raw));
    } catch {
      // unparseable input never reaches the model
    }
  }
  const signalIds = ['URL_SHORTENER', 'LANG_CREDENTIAL_REQUEST', 'SENDER_REPLY_TO_MISMATCH'];
  let sink = 0;
  const cpuBefore = process.cpuUsage();
  for (const message of parsed) sink += threatLogit(model, vectorize(messageFeatures({ message, signalIds }).shared, model.dimension));
  const modelCpu = process.cpuUsage(cpuBefore);
  if (Number.isNaN(sink)) throw new Error('model produced NaN');

  const withModel = createEngine();
  const withoutModel = createEngineWithoutModel();
  for (const raw of sample.slice(0, 100)) {
    await withModel.scan(raw);
    await withoutModel.scan(raw);
  }
  const best = { with: Number.POSITIVE_INFINITY, without: Number.POSITIVE_INFINITY, withWall: 0, withoutWall: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const a = await timeRun(withModel, sample);
    const b = await timeRun(withoutModel, sample);
    if (a.cpuMs < best.with) [best.with, best.withWall] = [a.cpuMs, a.wallMs];
    if (b.cpuMs < best.without) [best.without, best.withoutWall] = [b.cpuMs, b.wallMs];
  }
  const n = sample.length;
  return {
    data: sets ? 'every third message of the development corpora' : 'repository fixtures only',
    messages: n,
    model_cpu_us_per_msg: round((modelCpu.user + modelCpu.system) / parsed.length, 1),
    with_model_cpu_ms_per_msg: round(best.with / n, 3),
    without_model_cpu_ms_per_msg: round(best.without / n, 3),
    with_model_msgs_per_sec: round((n * 1000) / best.withWall, 1),
    without_model_msgs_per_sec: round((n * 1000) / best.withoutWall, 1),
    throughput_change_pct: round((best.without / best.with - 1) * 100, 1),
  };
}

async function timeRun(engine: Engine, messages: Uint8Array[]): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const raw of messages) await engine.scan(raw);
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatModelFigures(m: ModelFigures): string {
  const within = m.throughput_change_pct >= -10;
  return [
    `Content model, ${m.messages} messages (${m.data}):`,
    `  model alone: ${m.model_cpu_us_per_msg} µs CPU per message (target well under 1 ms)`,
    `  pipeline with model:    ${m.with_model_cpu_ms_per_msg} ms CPU/msg, ${m.with_model_msgs_per_sec} msg/s wall`,
    `  pipeline without model: ${m.without_model_cpu_ms_per_msg} ms CPU/msg, ${m.without_model_msgs_per_sec} msg/s wall`,
    `  throughput change from the model (CPU time): ${m.throughput_change_pct}% (target within -10%: ${within ? 'meets target' : 'BELOW TARGET'})`,
    '',
  ].join('\n');
}
