/**
 * `npm run train`: retrains the shipped content model (models/content-v1) from licence-clean data
 * only: the SpamAssassin corpus (public domain; ham easy-ham-1 + hard-ham-1, threats spam-1 +
 * spam-2) and the project's own generated lures and ordinary messages. easy-ham-2 is reserved for
 * independent evaluation and never used. Extra arguments are passed to `mailward train`
 * (e.g. `npm run train -- --cross-validate 5`).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { hamDataDir } from '../bench/corpus-sources.ts';

export const SHIPPED_TRAINING = { generatedLures: 5000, generatedLegitimate: 3000 };

const data = hamDataDir();
if (!data) {
  process.stderr.write('train: the SpamAssassin corpus was not found (run .ci/install-ham-corpus.sh or set MAILWARD_HAM_DIR)\n');
  process.exit(1);
}
const args = [
  resolve(import.meta.dirname, '../src/cli/main.ts'),
  'train',
  '--ham',
  join(data, 'easy-ham-1'),
  '--ham',
  join(data, 'hard-ham-1'),
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
process.exit(result.status ?? 1);
