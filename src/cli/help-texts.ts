import { EVAL_HELP } from './commands/eval.ts';
import { SCAN_HELP } from './commands/scan.ts';

/** Every help text the CLI prints, for the generated docs/cli.md. */
export const HELP_TEXTS: Array<{ command: string; text: string }> = [
  { command: 'mailward scan', text: SCAN_HELP },
  { command: 'mailward eval', text: EVAL_HELP },
];
