import type { ScanReport } from '../../core/report.ts';
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
  onScanned?: (report: ScanReport, timing: { receivedAt: Date }) => void;
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
    const message = await deps.repos.messages.get(tenantId, messageId);
    if (!message) {
      log.warn('message no longer stored (retention or tenant removed); nothing to scan');
      return;
    }

    let report: ScanReport | null = null;
    if (firstScan && message.verdict) report = (await deps.repos.reports.latest(tenantId, messageId))?.report ?? null;
    if (!report) {
      const raw = await deps.repos.rawMime.getForMessage(tenantId, messageId);
      if (!raw) {
        log.warn('raw bytes no longer stored; nothing to scan');
        return;
      }
      const setup = await tenantScanSetup(deps, tenantId);
      const scanned = await setup.engine.scan(raw, { envelope: { rcptTo: message.to }, settings: setup.settings });
      context.signal.throwIfAborted();
      const saved = await deps.db.transaction(async (tx) => {
        const repos = createRepositories(tx);
        await tx.query('SELECT id FROM messages WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, messageId]);
        if (firstScan) {
          const earlier = await repos.reports.latest(tenantId, messageId);
          if (earlier) return { report: earlier.report, created: false };
        }
        return { report: (await repos.reports.save(tenantId, messageId, scanned)).report, created: true };
      });
      report = saved.report;
      if (saved.created) {
        hooks.onScanned?.(report, { receivedAt: message.receivedAt });
        log.info(
          {
            verdict: report.verdict.class,
            score: report.verdict.score,
            unscannable: report.unscannable?.code,
            ms: report.timings_ms.total,
          },
          'message scanned',
        );
      }
    }

    const notThreat = (await deps.repos.notThreat.matching(tenantId, message.from)).length > 0;
    const decision = decidePolicy(deps.config.policy, report.verdict, { notThreat });
    if (decision.kind === 'none') return;
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
