/**
 * The organisation simulator: one seed gives one company and months of its mail as raw
 * RFC 5322 messages, plus attacks of every kind in the evaluation period.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACK_KINDS, generateAttacks } from './attacks.ts';
import { renderMessage, type SimMessage } from './message.ts';
import { buildOrganisation, DEFAULT_SIM_CONFIG, type Organisation, type SimConfig } from './organisation.ts';
import { Random } from './random.ts';
import { TrafficGenerator } from './traffic.ts';

export interface Simulation {
  org: Organisation;
  /** Every message in send order, each with its output set (`history`, `ham`, or an attack kind). */
  messages: SimMessage[];
}

export function simulate(overrides: Partial<SimConfig> = {}): Simulation {
  const config: SimConfig = { ...DEFAULT_SIM_CONFIG, ...overrides };
  if (config.evalDays < 2 || config.historyDays < 0 || config.users < 8)
    throw new Error('the simulation needs at least 8 users and 2 evaluation days');
  const rng = new Random(config.seed);
  const org = buildOrganisation(config, rng);
  const traffic = new TrafficGenerator(org, rng).run();
  const attacks = generateAttacks(org, rng, config.attacksPerKind);
  const messages = [...traffic, ...attacks].sort((a, b) => a.at - b.at);
  return { org, messages };
}

export interface RenderedMessage {
  set: string;
  /** File name: send time and a sequence number, so a folder lists in time order. */
  name: string;
  raw: string;
}

export function renderSimulation(sim: Simulation): RenderedMessage[] {
  return sim.messages.map((m, i) => {
    const stamp = new Date(m.at)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const queueId = `${((i * 2654435761) >>> 0).toString(36).toUpperCase()}${i}`;
    return { set: m.set, name: `${stamp}-${String(i).padStart(6, '0')}.eml`, raw: renderMessage(m, sim.org.config.authservId, queueId) };
  });
}

/** Writes `history/`, `ham/` and `threat/<kind>/` under `dir`; returns the count per folder. */
export async function writeSimulation(dir: string, sim: Simulation): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const folderOf = (set: string) => (set === 'history' || set === 'ham' ? join(dir, set) : join(dir, 'threat', set));
  for (const folder of ['history', 'ham', ...ATTACK_KINDS]) await mkdir(folderOf(folder), { recursive: true });
  for (const message of renderSimulation(sim)) {
    await writeFile(join(folderOf(message.set), message.name), message.raw);
    counts[message.set] = (counts[message.set] ?? 0) + 1;
  }
  return counts;
}
