import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { errorMessage } from '../core/errors.ts';
import type { TenantSettings } from '../storage/tenant-settings.ts';
import type { ScanRequest, ScanThreadConfig } from './scan-pool.ts';
import { createServiceEngine, engineForTenant } from './tenant-scan.ts';

/**
 * One scan thread of `ScanPool`: builds the service's engine once (shipped detectors, configured
 * scoring), then scans what the pool sends, each with its tenant's lists and scoring overrides.
 */
const config = workerData as ScanThreadConfig;
const log = pino({ name: 'mailward', level: config.logLevel });
const base = createServiceEngine({ dns: config.dns, scoringFile: config.scoringFile }, log, () => new Date());
const port = parentPort;
if (!port) throw new Error('scan-thread.ts runs as a worker thread of ScanPool');

port.on('message', async ({ id, request }: { id: number; request: ScanRequest }) => {
  try {
    const engine = engineForTenant(base, request.scoring as TenantSettings, log);
    const report = await engine.scan(request.raw, { envelope: request.envelope, settings: request.settings });
    port.postMessage({ id, report });
  } catch (error) {
    port.postMessage({ id, error: errorMessage(error) });
  }
});
port.postMessage({ ready: true });
