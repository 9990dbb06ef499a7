import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApi } from '../../../src/api/server.ts';
import { defaultServiceConfig, type ServiceConfig } from '../../../src/config/service-config.ts';
import type { SupervisorOptions } from '../../../src/connectors/watch/connector-supervisor.ts';
import { type RunningService, startService } from '../../../src/service/service.ts';

/** A test key for sealing mailbox credentials (32 bytes, base64). */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

/** Short periods so the tests see refreshes, resyncs and reconnects in seconds. */
export const FAST_CONNECTORS: SupervisorOptions = {
  refreshMs: 250,
  resyncMs: 2000,
  reconnect: { baseMs: 200, maxMs: 1000 },
  authRetryMs: 1000,
  backlogPauseMs: 0,
};

export interface ServiceWorld {
  running: RunningService;
  apiUrl: string;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: T }>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mailward-imap-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The whole service in this process (embedded PGlite + queue, API on a free port), with mailbox watchers. */
export async function startServiceWorld(
  dataDir: string,
  options: { policy?: Partial<ServiceConfig['policy']['actions']>; apiKey?: string; databaseUrl?: string } = {},
): Promise<ServiceWorld & { adminKey: string }> {
  process.env.MAILWARD_SECRET_KEY = TEST_SECRET_KEY;
  const base = defaultServiceConfig();
  const config: ServiceConfig = {
    ...base,
    dataDir,
    databaseUrl: options.databaseUrl ?? null,
    dns: 'offline',
    logLevel: 'silent',
    api: { host: '127.0.0.1', port: 0 },
    smtp: { ...base.smtp, host: '127.0.0.1', port: 0 },
    policy: { dryRun: false, actions: { ...base.policy.actions, ...options.policy } },
  };
  const running = await startService(config, {
    log: pino({ level: process.env.MAILWARD_TEST_LOG ?? 'silent' }),
    buildApi: (deps) => buildApi(deps),
    connectors: FAST_CONNECTORS,
  });
  const apiUrl = `http://127.0.0.1:${running.listening.api!.port}/api/v1`;
  const adminKey = running.firstStart?.adminToken ?? options.apiKey;
  if (!adminKey) throw new Error('no admin key: pass the one from the first start');
  const call: ServiceWorld['call'] = async (method, path, body, key = adminKey) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed as never };
  };
  return { running, apiUrl, call, adminKey };
}
