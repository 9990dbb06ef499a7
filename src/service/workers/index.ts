import type { ServiceDeps } from '../deps.ts';
import { applyActionWorker } from './apply-action.ts';
import { type ScanWorkerHooks, scanMessageWorker } from './scan-message.ts';

/**
 * Registers the handler of every job this service runs. `ingest-message` (fetching from a
 * provider) belongs to the connectors and is not handled here: journal and API mail arrive with
 * their bytes and are stored by `ingestRawMessage` directly.
 */
export function registerWorkers(deps: ServiceDeps, hooks: ScanWorkerHooks = {}): void {
  deps.queue.handle('scan-message', scanMessageWorker(deps, hooks));
  deps.queue.handle('apply-action', applyActionWorker(deps));
}
