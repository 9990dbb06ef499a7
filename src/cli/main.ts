#!/usr/bin/env node
/**
 * The `mailward` command. Each subcommand lives in its own file under commands/; this file only
 * dispatches and turns errors into one clear line and an exit code (never a stack trace).
 */
import { errorMessage, MailwardError } from '../core/errors.ts';
import { configCommand } from './commands/config.ts';
import { evalCommand } from './commands/eval.ts';
import { ingestCommand } from './commands/ingest.ts';
import { mailboxCommand } from './commands/mailbox.ts';
import { scanCommand } from './commands/scan.ts';
import { startCommand } from './commands/start.ts';
import { trainCommand } from './commands/train.ts';
import { userCommand } from './commands/user.ts';
import { CliUsageError } from './usage-error.ts';

const COMMANDS: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  scan: { summary: 'scan one message (file or - for standard input) and explain the verdict', run: scanCommand },
  eval: { summary: 'measure recall, false positives and speed on folders of messages', run: evalCommand },
  start: { summary: 'run the service: SMTP journal receiver, scan workers, HTTP API', run: startCommand },
  ingest: { summary: 'send message files or folders to a running service for scanning', run: ingestCommand },
  train: { summary: 'train the content model from folders of labelled messages', run: trainCommand },
  config: { summary: 'print the effective service configuration (secrets masked)', run: configCommand },
  mailbox: { summary: 'protect mailboxes over IMAP: add, list, test, remove, campaign pull-back', run: mailboxCommand },
  user: { summary: 'add or list the people who log in to the web console', run: userCommand },
};

export const MAIN_HELP = `mailward: email security that explains itself

Usage: mailward <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Run 'mailward <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${MAIN_HELP}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`mailward: unknown command '${name}'\n\n${MAIN_HELP}\n`);
    return 2;
  }
  return command.run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliUsageError) {
    process.stderr.write(`mailward: ${error.message}\n`);
  } else if (error instanceof MailwardError) {
    process.stderr.write(`mailward: ${error.message} [${error.code}]\n`);
  } else {
    process.stderr.write(`mailward: unexpected error: ${errorMessage(error)}\n`);
  }
  process.exitCode = 2;
}
