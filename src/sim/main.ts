/**
 * `npm run sim -- --out DIR [options]`: writes a simulated organisation's mail for
 * `mailward eval --org-domain DOMAIN --trust-authserv ID --history DIR/history --ham DIR/ham --threat DIR/threat/KIND ...`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SIM_CONFIG, type SimConfig } from './organisation.ts';
import { simulate, writeSimulation } from './simulate.ts';

const HELP = `Usage: npm run sim -- --out DIR [options]

Options (defaults in brackets):
  --seed N            random seed [${DEFAULT_SIM_CONFIG.seed}]
  --org-domain D      the organisation's domain [${DEFAULT_SIM_CONFIG.orgDomain}]
  --users N           staff [${DEFAULT_SIM_CONFIG.users}]
  --partners N        suppliers and customers [${DEFAULT_SIM_CONFIG.partners}]
  --services N        newsletters and SaaS senders, at most 12 [${DEFAULT_SIM_CONFIG.services}]
  --history-days N    days of history [${DEFAULT_SIM_CONFIG.historyDays}]
  --eval-days N       days of evaluation mail after the history [${DEFAULT_SIM_CONFIG.evalDays}]
  --attacks N         attacks per kind [${DEFAULT_SIM_CONFIG.attacksPerKind}]
  --authserv-id ID    the receiving provider's authserv-id [${DEFAULT_SIM_CONFIG.authservId}]
  --volume X          scales all traffic rates [${DEFAULT_SIM_CONFIG.volume}]`;

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    'org-domain': { type: 'string' },
    users: { type: 'string' },
    partners: { type: 'string' },
    services: { type: 'string' },
    'history-days': { type: 'string' },
    'eval-days': { type: 'string' },
    attacks: { type: 'string' },
    'authserv-id': { type: 'string' },
    volume: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || !values.out) {
  process.stdout.write(`${HELP}\n`);
  process.exit(values.help ? 0 : 2);
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`${flag} takes a non-negative number, got '${value}'\n`);
    process.exit(2);
  }
  return n;
}

const overrides: Partial<SimConfig> = Object.fromEntries(
  Object.entries({
    seed: number(values.seed, '--seed'),
    orgDomain: values['org-domain'],
    users: number(values.users, '--users'),
    partners: number(values.partners, '--partners'),
    services: number(values.services, '--services'),
    historyDays: number(values['history-days'], '--history-days'),
    evalDays: number(values['eval-days'], '--eval-days'),
    attacksPerKind: number(values.attacks, '--attacks'),
    authservId: values['authserv-id'],
    volume: number(values.volume, '--volume'),
  }).filter(([, v]) => v !== undefined),
);
const sim = simulate(overrides);
const counts = await writeSimulation(values.out, sim);
process.stdout.write(`${JSON.stringify({ orgDomain: sim.org.domain, authservId: sim.org.config.authservId, counts })}\n`);
