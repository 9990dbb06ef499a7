import type { ScanReport } from '../../core/report.ts';
import { readHeaderFacts } from '../../ingest/header-facts.ts';
import { recordHeaderLayers } from '../../layers/record-header-layers.ts';
import type { JobContext } from '../../queue/job-queue.ts';
import { type ApplyActionPayload, idempotencyKeys, type ScanMessagePayload } from '../../queue/jobs.ts';
import { createRepositories } from '../../storage/repositories.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidePolicy } from '../policy.ts';
import { isFirstScanKey } from '../scan-jobs.ts';
import { tenantScanSetup } from '../tenant-scan.ts';

export const SYSTEM_ACTOR = { kind: 'system', id: 'policy' } as const;

export interface ScanWorkerHooks {
  /** Called once per saved report (metrics). */
  onScanned?: (report: ScanReport) => void;
}

/**
 * `scan-message`: loads the raw bytes, scans them with the tenant's settings, saves the report,
 * then applies the policy by planning an `apply-action` job.
 *
 * Exactly once in effect: the first scan of a message (the catalogue's key) saves at most one
 * report. The save happens in a transaction that locks the message row and looks for an earlier
 * report, so a redelivery after a crash (or a worker that lost its lease) finds the report and
 * only re-plans the action, whose own key makes that harmless too.
 */
export function scanMessageWorker(deps: ServiceDeps, hooks: ScanWorkerHooks = {}) {
  return async (payload: ScanMessagePayload, context: JobContext): Promise<void> => {
    const { tenantId, messageId } = payload;
    const log = deps.log.child({ job: 'scan-message', tenantId, messageId, attempt: context.attempt });
    const firstScan = isFirstScanKey(payload, context.idempotencyKey);
    // One read for the bytes; the list facts the scan needs come from their headers. (Every query
    // counts: on the embedded database they run one at a time.)
    const raw = await deps.repos.rawMime.getForMessage(tenantId, messageId);
    if (!raw) {
      log.warn('message no longer stored (retention or tenant removed); nothing to scan');
      return;
    }
    const facts = readHeaderFacts(raw);
    const setup = await tenantScanSetup(deps, tenantId);
    const scanned = await setup.engine.scan(raw, { envelope: { rcptTo: facts.to }, settings: setup.settings });
    context.signal.throwIfAborted();
    const saved = await deps.db.transaction(async (tx) => {
      const repos = createRepositories(tx);
      // The row lock orders this against any other delivery of the same job; a scanned_at set
      // means a report exists already.
      const { rows } = await tx.query<{ scanned_at: unknown }>(
        'SELECT scanned_at FROM messages WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
        [tenantId, messageId],
      );
      if (!rows[0]) return null;
      if (firstScan && rows[0].scanned_at !== null) {
        const earlier = await repos.reports.latest(tenantId, messageId);
        if (earlier) return { report: earlier.report, created: false };
      }
      // The provider's and gateways' own verdicts, read from the same bytes, stored beside the report.
      await recordHeaderLayers(tx, tenantId, messageId, raw);
      return { report: (await repos.reports.save(tenantId, messageId, scanned)).report, created: true };
    });
    if (!saved) {
      log.warn('message deleted while it was scanned; report dropped');
      return;
    }
    const report = saved.report;
    if (saved.created) {
      hooks.onScanned?.(report);
      log.info(
        { verdict: report.verdict.class, score: report.verdict.score, unscannable: report.unscannable?.code, ms: report.timings_ms.total },
        'message scanned',
      );
    }

    let decision = decidePolicy(deps.config.policy, report.verdict, { notThreat: false });
    if (decision.kind === 'none') return;
    // Only a message the policy would act on needs the analysts' "not a threat" decisions.
    if ((await deps.repos.notThreat.matching(tenantId, facts.from)).length > 0) {
      decision = decidePolicy(deps.config.policy, report.verdict, { notThreat: true });
      if (decision.kind === 'none') return;
    }
    const action: ApplyActionPayload = { ...payload, action: decision.action, reason: decision.reason };
    const key = idempotencyKeys.action(action);
    if (decision.dryRun) {
      await recordDryRun(deps, action, key);
      return;
    }
    // Same partition as the scan: the action runs after this job, never beside it.
    await deps.queue.enqueue('apply-action', action, { idempotencyKey: key, partitionKey: context.partitionKey });
  };
}

/** Dry run: the action is recorded (kind `dry-run:<action>`, done at once) and nothing else happens. */
async function recordDryRun(deps: ServiceDeps, action: ApplyActionPayload, key: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const { action: row, created } = await repos.actions.plan(action.tenantId, {
      messageId: action.messageId,
      kind: `dry-run:${action.action}`,
      idempotencyKey: `dry-run:${key}`,
      actor: SYSTEM_ACTOR,
      reason: `dry run, would ${action.action}: ${action.reason}`,
    });
    if (!created) return;
    await repos.actions.markDone(action.tenantId, row.id);
    await repos.audit.append(action.tenantId, {
      actor: SYSTEM_ACTOR,
      action: `policy.dry-run.${action.action}`,
      target: { kind: 'message', id: action.messageId },
      details: { reason: action.reason },
    });
  });
}
