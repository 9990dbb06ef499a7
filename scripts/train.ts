/**
 * `npm run train`: retrains the shipped content model (models/content-v1) from licence-clean data
 * only: the SpamAssassin corpus (public domain; ham easy-ham-1 + hard-ham-1, threats spam-1 +
 * spam-2) and the project's own generated lures and ordinary messages, plus twelve days of an
 * organisation's everyday mail from the project's own simulator (src/sim; another seed and domain
 * than the ones the behaviour evaluation uses). The SpamAssassin ham is mostly 2002 mailing-list
 * mail: trained on it alone, the model read short modern business mail ("the dispatch figures are
 * in the shared folder") as unusual and flagged 17% of a simulated organisation's legitimate
 * mail. easy-ham-2 is reserved for independent evaluation and never used. Extra arguments are passed to `mailward train`
 * (e.g. `npm run train -- --cross-validate 5`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hamDataDir } from '../bench/corpus-sources.ts';
import { simulate, writeSimulation } from '../src/sim/simulate.ts';

export const SHIPPED_TRAINING = { generatedLures: 5000, generatedLegitimate: 3000 };
/** The simulated organisation whose everyday mail joins the legitimate training data. */
export const TRAINING_ORGANISATION = {
  seed: 4242,
  orgDomain: 'tidewater-logistics.example',
  orgName: 'Tidewater Freight',
  users: 120,
  partners: 60,
  historyDays: 12,
  evalDays: 2,
  attacksPerKind: 1,
};

const data = hamDataDir();
if (!data) {
  process.stderr.write('train: the SpamAssassin corpus was not found (run .ci/install-ham-corpus.sh or set MAILWARD_HAM_DIR)\n');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'mailward-train-'));
await writeSimulation(work, simulate(TRAINING_ORGANISATION));
// The folder's name is recorded in the model's header as a training source.
const simulated = join(work, 'simulated-organisation');
renameSync(join(work, 'history'), simulated);
const args = [
  resolve(import.meta.dirname, '../src/cli/main.ts'),
  'train',
  '--ham',
  join(data, 'easy-ham-1'),
  '--ham',
  join(data, 'hard-ham-1'),
  '--ham',
  simulated,
  '--threat',
  join(data, 'spam-1'),
  '--threat',
  join(data, 'spam-2'),
  '--generate',
  String(SHIPPED_TRAINING.generatedLures),
  '--generate-legitimate',
  String(SHIPPED_TRAINING.generatedLegitimate),
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);
