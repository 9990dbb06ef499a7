import { CONFIG_HELP } from './commands/config.ts';
import { EVAL_HELP } from './commands/eval.ts';
import { INGEST_HELP } from './commands/ingest.ts';
import { MAILBOX_HELP } from './commands/mailbox.ts';
import { SCAN_HELP } from './commands/scan.ts';
import { START_HELP } from './commands/start.ts';
import { TRAIN_HELP } from './commands/train.ts';
import { USER_HELP } from './commands/user.ts';

/** Every help text the CLI prints, for the generated docs/cli.md. */
export const HELP_TEXTS: Array<{ command: string; text: string }> = [
  { command: 'mailward scan', text: SCAN_HELP },
  { command: 'mailward eval', text: EVAL_HELP },
  { command: 'mailward start', text: START_HELP },
  { command: 'mailward ingest', text: INGEST_HELP },
  { command: 'mailward train', text: TRAIN_HELP },
  { command: 'mailward config', text: CONFIG_HELP },
  { command: 'mailward mailbox', text: MAILBOX_HELP },
  { command: 'mailward user', text: USER_HELP },
];
