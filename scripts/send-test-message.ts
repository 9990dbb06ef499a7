/**
 * Sends one message to Mailward's SMTP journal port, as a mail system's journal copy would arrive:
 *   node scripts/send-test-message.ts [FILE] [--to ADDRESS] [--host HOST] [--port PORT]
 * FILE defaults to the credential-phish fixture; the recipient's domain selects the tenant
 * (`example.com` is the default tenant's). Prints the server's reply.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { maybeGunzip } from '../src/cli/read-input.ts';
import { stripMboxLine } from '../src/mime/parse.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    to: { type: 'string', default: 'journal@example.com' },
    from: { type: 'string', default: 'journal-sender@example.com' },
    host: { type: 'string', default: process.env.MAILWARD_SMTP_HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.MAILWARD_SMTP_PORT ?? '2525' },
  },
});
const file = positionals[0] ?? resolve(import.meta.dirname, '../test/fixtures/engine/credential-phish.eml');
const raw = stripMboxLine(maybeGunzip(await readFile(file)));

const transport = nodemailer.createTransport({ host: values.host, port: Number(values.port), secure: false, ignoreTLS: true });
try {
  const info = await transport.sendMail({ envelope: { from: values.from, to: [values.to] }, raw: Buffer.from(raw) });
  process.stdout.write(`sent ${file} to ${values.to} via ${values.host}:${values.port}: ${info.response}\n`);
} catch (error) {
  const e = error as { response?: string; message: string };
  process.stderr.write(`could not send ${file}: ${e.response ?? e.message}\n`);
  process.exitCode = 1;
} finally {
  transport.close();
}
