import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliUsageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with one-line usage errors instead of exceptions with stack traces. */
export function parseOptions<T extends Options>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error));
  }
}

/** Shared engine options of scan and eval. */
export const ENGINE_OPTIONS = {
  config: { type: 'string' },
  'org-domain': { type: 'string', multiple: true },
  'trust-authserv': { type: 'string', multiple: true },
  vip: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;
