import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { TenantBehaviour } from '../behaviour/tenant-behaviour.ts';
import { errorMessage } from '../core/errors.ts';
import type { TenantSettings } from '../storage/tenant-settings.ts';
import { feedbackEngine } from './behaviour-feedback.ts';
import type { Answer, ScanThreadConfig, ThreadMessage } from './scan-pool.ts';
import { createServiceEngine, engineForTenant } from './tenant-scan.ts';

/**
 * One scan thread of `ScanPool`: builds the service's engine once (shipped detectors, configured
 * scoring), then scans what the pool sends, each with its tenant's lists and scoring overrides.
 * It holds the behaviour models of the tenants pinned to it: loaded from the entries the pool
 * sends, learned into by the scans, and their changes sent back with each answer.
 */
const config = workerData as ScanThreadConfig;
const log = pino({ name: 'mailward', level: config.logLevel });
const base = createServiceEngine({ dns: config.dns, scoringFile: config.scoringFile }, log, () => new Date());
const models = new Map<string, TenantBehaviour>();
const port = parentPort;
if (!port) throw new Error('scan-thread.ts runs as a worker thread of ScanPool');

/** What the model learned since the last answer; nothing if it was dropped (reset, reload) meanwhile. */
function changesOf(tenantId: string, model: TenantBehaviour | undefined): Answer['changes'] {
  return model && models.get(tenantId) === model ? model.takeChanges() : undefined;
}

async function handle(message: Exclude<ThreadMessage, { load: unknown }>): Promise<Answer> {
  if ('forget' in message) {
    models.delete(message.forget);
    return { id: message.id };
  }
  if ('teach' in message) {
    const { tenantId, raw, envelope, settings, decision } = message.teach;
    const model = models.get(tenantId);
    if (model) await feedbackEngine(decision).scan(raw, { envelope, settings, behaviour: model });
    return { id: message.id, changes: changesOf(tenantId, model) };
  }
  const { tenantId, raw, envelope, settings, scoring, learn } = message.scan;
  const model = models.get(tenantId);
  const engine = engineForTenant(base, scoring as TenantSettings, log);
  const report = await engine.scan(raw, { envelope, settings, behaviour: model, learn });
  return { id: message.id, report, changes: changesOf(tenantId, model) };
}

port.on('message', async (message: ThreadMessage) => {
  if ('load' in message) {
    models.set(message.load.tenantId, TenantBehaviour.fromEntries(message.load.entries, config.behaviourLimits));
    return;
  }
  try {
    port.postMessage(await handle(message));
  } catch (error) {
    port.postMessage({ id: message.id, error: errorMessage(error) });
  }
});
port.postMessage({ ready: true });
