import { after, before } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import type { ServiceConfig } from '../../config/service-config.ts';
import type { VerdictClass } from '../../core/verdict.ts';
import { createEngine } from '../../pipeline/create-engine.ts';
import { openJobQueue } from '../../queue/open-queue.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import { ServiceBehaviour } from '../../service/service-behaviour.ts';
import type { Db } from '../../storage/db.ts';
import type { StoredMessage } from '../../storage/message-rows.ts';
import { openDb } from '../../storage/open-db.ts';
import { createRepositories } from '../../storage/repositories.ts';
import { ingestOne, type Seeded, sampleReport, seedTenant, unique } from '../../storage/testing/fixtures.ts';
import { UsersRepository } from '../../storage/users.ts';
import { buildApi } from '../server.ts';

export interface TenantWorld {
  seeded: Seeded;
  tenantId: string;
  keys: { admin: string; analyst: string; readOnly: string };
  adminKeyId: string;
  /** Quarantined phish with a report. */
  quarantined: StoredMessage;
  /** A second quarantined message, for deletes. */
  toDelete: StoredMessage;
  /** Clean, scanned, never quarantined. */
  clean: StoredMessage;
  /** Raw bytes of `quarantined`, to compare downloads with. */
  quarantinedRaw: Buffer;
  deadJobId: string;
  /** A console user with role admin in this tenant only. */
  user: { id: string; email: string; password: string };
}

export interface ApiWorld {
  app: FastifyInstance;
  deps: ServiceDeps;
  a: TenantWorld;
  b: TenantWorld;
  close(): Promise<void>;
}

/** Service dependencies over a test database: real repositories, embedded queue (not started), shipped engine. */
export function testDeps(db: Db): ServiceDeps {
  const repos = createRepositories(db);
  const log = pino({ level: 'silent' });
  return {
    db,
    repos,
    queue: openJobQueue({ db }),
    engine: createEngine(),
    behaviour: new ServiceBehaviour(repos, log, { flushEveryMs: 0 }),
    log,
    clock: () => new Date(),
    // The API reads no configuration; the service's use cases it calls read none of these either.
    config: { role: 'api', policy: { dryRun: true, actions: {} } } as unknown as ServiceConfig,
  };
}

async function scanned(seeded: Seeded, verdict: VerdictClass, score: number, raw?: Buffer): Promise<StoredMessage> {
  const message = await ingestOne(seeded, { raw, from: `${verdict}-sender@${verdict}.example` });
  await seeded.repos.reports.save(seeded.tenant.id, message.id, sampleReport(verdict, score));
  return (await seeded.repos.messages.get(seeded.tenant.id, message.id))!;
}

/** A dead job of the tenant: enqueued for real, then marked dead as the worker does after its last attempt. */
async function deadJob(deps: ServiceDeps, seeded: Seeded, messageId: string): Promise<string> {
  const payload = { tenantId: seeded.tenant.id, mailboxId: seeded.mailbox.id, messageId };
  const { jobId } = await deps.queue.enqueue('scan-message', payload, { idempotencyKey: `test-dead:${messageId}` });
  await deps.db.query(`UPDATE jobs SET state = 'dead', last_error = 'detector crashed', finished_at = now() WHERE id = $1`, [jobId]);
  return jobId;
}

const TEST_PASSWORD = 'correct horse battery staple';

async function consoleUser(deps: ServiceDeps, tenantId: string, label: string): Promise<TenantWorld['user']> {
  const email = `admin-${unique(label)}@example.test`.toLowerCase();
  const { user } = await new UsersRepository(deps.db).addToTenant(tenantId, { email, password: TEST_PASSWORD, role: 'admin' });
  return { id: user.id, email, password: TEST_PASSWORD };
}

async function tenantWorld(deps: ServiceDeps, label: string): Promise<TenantWorld> {
  const seeded = await seedTenant(deps.db, label);
  const tenantId = seeded.tenant.id;
  const admin = await seeded.repos.apiKeys.create(tenantId, { name: 'admin', role: 'admin' });
  const analyst = await seeded.repos.apiKeys.create(tenantId, { name: 'analyst', role: 'analyst' });
  const readOnly = await seeded.repos.apiKeys.create(tenantId, { name: 'reader', role: 'read-only' });
  const quarantinedRaw = Buffer.from(`From: x@phish.example\r\nSubject: ${label} invoice\r\n\r\nPay now \u00e9\r\n.\r\n`, 'utf8');
  const quarantined = await scanned(seeded, 'phish', 9.5, quarantinedRaw);
  const toDelete = await scanned(seeded, 'malware', 12);
  const clean = await scanned(seeded, 'clean', 0);
  for (const message of [quarantined, toDelete]) {
    await seeded.repos.quarantine.quarantine(tenantId, message.id, { reason: 'policy', decidedBy: 'system' });
  }
  return {
    seeded,
    tenantId,
    keys: { admin: admin.token, analyst: analyst.token, readOnly: readOnly.token },
    adminKeyId: admin.key.id,
    quarantined,
    toDelete,
    clean,
    quarantinedRaw,
    deadJobId: await deadJob(deps, seeded, clean.id),
    user: await consoleUser(deps, tenantId, label),
  };
}

/** Two tenants with keys of every role, messages, quarantine entries and a dead job each, and the API over them. */
export async function openApiWorld(db: Db): Promise<ApiWorld> {
  const deps = testDeps(db);
  const a = await tenantWorld(deps, 'tenant-a');
  const b = await tenantWorld(deps, 'tenant-b');
  const app = await buildApi(deps);
  await app.ready();
  return { app, deps, a, b, close: () => app.close() };
}

/** One request with a bearer key (or none). */
export function call(
  app: FastifyInstance,
  token: string | null,
  method: InjectOptions['method'],
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const payload = options.body as InjectOptions['payload'];
  return app.inject({ method, url, headers, payload });
}

/** Inside a `describe`: one in-memory database and API world for the whole file (PGlite start-up is slow). */
export function useApiWorld(): () => ApiWorld {
  let world: ApiWorld | undefined;
  let db: Db | undefined;
  before(async () => {
    db = await openDb({ memory: true });
    world = await openApiWorld(db);
  });
  after(async () => {
    await world?.close();
    await db?.close();
  });
  return () => {
    if (!world) throw new Error('the API world is opened in before()');
    return world;
  };
}

export function errorCode(response: LightMyRequestResponse): string {
  return (response.json() as { error: { code: string } }).error.code;
}

/** Logs in through the API like the console does; returns the cookie and CSRF token to send. */
export async function loginSession(
  app: FastifyInstance,
  body: { email: string; password: string; tenantId?: string } | { apiKey: string },
): Promise<{ status: number; cookie: string; csrf: string; body: Record<string, unknown> }> {
  const response = await app.inject({ method: 'POST', url: `/api/v1/session/${'apiKey' in body ? 'api-key' : 'login'}`, payload: body });
  const setCookie = response.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const parsed = response.json() as Record<string, unknown>;
  return { status: response.statusCode, cookie: first ? first.split(';')[0] : '', csrf: String(parsed.csrfToken ?? ''), body: parsed };
}

/** One request with a console session cookie; state-changing methods send the CSRF header unless told not to. */
export function callWithSession(
  app: FastifyInstance,
  session: { cookie: string; csrf: string },
  method: InjectOptions['method'],
  url: string,
  options: { body?: unknown; csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = session.csrf;
  return app.inject({ method, url, headers, payload: options.body as InjectOptions['payload'] });
}
