import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { eventually } from '../../../src/queue/testing/wait.ts';

export const MAIN = resolve(import.meta.dirname, '../../../src/cli/main.ts');
export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/engine');
export const PHISH = readFileSync(resolve(FIXTURES, 'credential-phish.eml'));
export const CLEAN = readFileSync(resolve(FIXTURES, 'legit-colleague.eml'));

/** A fixture turned into a distinct message (its own bytes, so storage sees a new message). */
export function variant(raw: Buffer, tag: string): Buffer {
  return Buffer.concat([Buffer.from(`X-Test-Variant: ${tag}\r\n`), raw]);
}

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr. */
  output(): string;
  smtpPort?: number;
  apiUrl?: string;
  /** Printed on the first start only. */
  apiKey?: string;
  /** Resolves with the exit code (or the signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `node src/cli/main.ts start` as a child process, on free ports (0) of 127.0.0.1, offline DNS,
 * logging warnings only. Resolves once the start-up banner is printed.
 */
export async function startMailward(options: { env?: Record<string, string>; args?: string[] } = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [MAIN, 'start', '--api-port', '0', '--smtp-port', '0', ...(options.args ?? [])], {
    env: { ...process.env, MAILWARD_DNS: 'offline', MAILWARD_LOG_LEVEL: 'warn', MAILWARD_CONFIG: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  await eventually(
    () => {
      if (done) throw new Error(`mailward start exited early:\n${text}`);
      return text.includes('Ready: Ctrl-C stops it.');
    },
    'the service to start',
    120_000,
  );
  const service: ServiceProcess = { child, output: () => text, exited };
  const smtp = /smtp:\/\/[\d.]+:(\d+)/.exec(text);
  if (smtp) service.smtpPort = Number(smtp[1]);
  const api = /API {7}(http:\/\/[\d.]+:\d+)\/api\/v1/.exec(text);
  if (api) service.apiUrl = api[1];
  const key = /API key {3}(mw_\S+)/.exec(text);
  if (key) service.apiKey = key[1];
  return service;
}

/** SIGINT (graceful) or SIGKILL (crash), then wait for the process to end. */
export async function stopMailward(service: ServiceProcess, signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL' = 'SIGINT') {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill(signal);
  return service.exited;
}

export interface SendResult {
  accepted: boolean;
  /** The server's reply line. */
  response: string;
  /** Message ids from the 250 reply (`OK: stored <id> ...`). */
  messageIds: string[];
}

/** Sends one message over SMTP and reports what the server answered; never throws for SMTP errors. */
export async function sendSmtp(port: number, raw: Buffer, to = 'journal@example.com', transport?: Transporter): Promise<SendResult> {
  const own = transport ?? nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await own.sendMail({ envelope: { from: 'journal@mta.example.com', to: [to] }, raw });
    const response = String(info.response);
    return { accepted: true, response, messageIds: response.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [] };
  } catch (error) {
    const e = error as { response?: string; message: string };
    return { accepted: false, response: e.response ?? e.message, messageIds: [] };
  } finally {
    if (!transport) own.close();
  }
}

/** An authenticated call to the running service's API. */
export async function api<T = unknown>(
  service: ServiceProcess,
  path: string,
  apiKey = service.apiKey,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${service.apiUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  return { status: response.status, body: (await response.json()) as T };
}
