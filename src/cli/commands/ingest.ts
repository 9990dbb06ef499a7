import { errorMessage } from '../../core/errors.ts';
import { type FoundMessage, listMessageFiles, readMessages } from '../../ingest/read-messages.ts';
import { parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';

export const INGEST_HELP = `Usage: mailward ingest PATH... [options]

Sends messages to a running Mailward service (POST /api/v1/messages) to be stored and scanned.
PATH is a message file (.eml, .eml.gz, or an mbox file, which is split into its messages) or a
folder, searched recursively for .eml, .eml.gz and .mbox files. Prints one line per message:
its Mailward message id, or why it was refused.

Options:
  --url URL               the service (default http://127.0.0.1:8025; MAILWARD_URL)
  --api-key KEY           an API key with the analyst or admin role (MAILWARD_API_KEY)
  --mailbox ID            store into this mailbox instead of the tenant's journal mailbox
  --parallel N            uploads at once (default 4)
  -h, --help              this help

Exit status: 0 every message stored, 1 at least one failed, 2 usage error.`;

export async function ingestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    url: { type: 'string' },
    'api-key': { type: 'string' },
    mailbox: { type: 'string' },
    parallel: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${INGEST_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new CliUsageError(`ingest needs at least one file or folder\n\n${INGEST_HELP}`);
  const apiKey = values['api-key'] ?? process.env.MAILWARD_API_KEY;
  if (!apiKey) throw new CliUsageError('an API key is needed: --api-key KEY or MAILWARD_API_KEY (printed at the first start)');
  const base = (values.url ?? process.env.MAILWARD_URL ?? 'http://127.0.0.1:8025').replace(/\/+$/, '');
  const parallel = Number(values.parallel ?? 4);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64) throw new CliUsageError('--parallel must be 1..64');
  const endpoint = new URL(`${base}/api/v1/messages`);
  if (values.mailbox) endpoint.searchParams.set('mailboxId', values.mailbox);

  let files: string[];
  try {
    files = await listMessageFiles(positionals);
  } catch (error) {
    throw new CliUsageError(`cannot read ${errorMessage(error)}`);
  }
  let failed = 0;
  let stored = 0;
  const queue = files.slice();
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      let messages: FoundMessage[];
      try {
        messages = await readMessages(file);
      } catch (error) {
        failed++;
        process.stdout.write(`${file}: error: cannot read: ${errorMessage(error)}\n`);
        continue;
      }
      for (const message of messages) {
        const line = await upload(endpoint, apiKey, message);
        if (line.ok) stored++;
        else failed++;
        process.stdout.write(`${message.label}: ${line.text}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, Math.max(files.length, 1)) }, worker));
  process.stderr.write(`${stored} stored, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

async function upload(endpoint: URL, apiKey: string, message: FoundMessage): Promise<{ ok: boolean; text: string }> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${apiKey}` },
      body: Buffer.from(message.raw),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, text: `error: cannot reach ${endpoint.origin}${cause ? ` (${cause})` : ''}: is 'mailward start' running?` };
  }
  const body = (await response.json().catch(() => ({}))) as {
    messageId?: string;
    created?: boolean;
    error?: { code?: string; message?: string };
  };
  if (response.ok && body.messageId) return { ok: true, text: `${body.messageId}${body.created === false ? ' (already stored)' : ''}` };
  const why = body.error?.message ? `: ${body.error.message}${body.error.code ? ` [${body.error.code}]` : ''}` : '';
  return { ok: false, text: `error: HTTP ${response.status}${why}` };
}
