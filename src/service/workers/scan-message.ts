import type { ScanReport } from '../../core/report.ts';
import { readHeaderFacts } from '../../ingest/header-facts.ts';
import { recordHeaderLayers } from '../../layers/record-header-layers.ts';
import type { JobContext } from '../../queue/job-queue.ts';
import { type ApplyActionPayload, idempotencyKeys, type ScanMessagePayload } from '../../queue/jobs.ts';
import { createRepositories } from '../../storage/repositories.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidePolicy, effectivePolicy } from '../policy.ts';
import { recentRawOf } from '../recent-raw.ts';
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
    // The bytes this process just stored, else one read from storage. (Every query counts: on
    // the embedded database they run one at a time, in this thread.)
    const raw = recentRawOf(deps.repos).take(tenantId, messageId) ?? (await deps.repos.rawMime.getForMessage(tenantId, messageId));
    if (!raw) {
      log.warn('message no longer stored (retention or tenant removed); nothing to scan');
      return;
    }
    const facts = readHeaderFacts(raw);
    const setup = await tenantScanSetup(deps, tenantId);
    const envelope = { rcptTo: facts.to };
    // The tenant's behaviour model scores the scan and learns from it: on the scan thread that holds
    // it, or here when scans run here.
    // Only a first scan learns: a rescan would teach the model the same message again.
    const scanned = deps.scanner
      ? await deps.scanner.scan({ tenantId, raw, envelope, settings: setup.settings, scoring: setup.scoring, learn: firstScan })
      : await setup.engine.scan(raw, {
          envelope,
          settings: setup.settings,
          behaviour: await deps.behaviour?.forScanHere(tenantId),
          learn: firstScan,
        });
    context.signal.throwIfAborted();
    const saved = firstScan ? await deps.repos.reports.saveFirst(tenantId, messageId, scanned) : await saveRescan(deps, payload, scanned);
    // The provider's and gateways' own verdicts, read from the same bytes, stored beside the report
    // (an upsert per layer, so a redelivery after a crash fills in what is missing and changes nothing else).
    if (saved && firstScan) await recordHeaderLayers(deps.db, tenantId, messageId, raw);
    if (!saved) {
      log.warn('message deleted while it was scanned; report dropped');
      return;
    }
    const report = saved.report.report;
    if (saved.created) {
      hooks.onScanned?.(report);
      log.info(
        { verdict: report.verdict.class, score: report.verdict.score, unscannable: report.unscannable?.code, ms: report.timings_ms.total },
        'message scanned',
      );
    }

    const policy = effectivePolicy(deps.config.policy, setup.policy);
    let decision = decidePolicy(policy, report.verdict, { notThreat: false });
    if (decision.kind === 'none') return;
    // Only a message the policy would act on needs the analysts' "not a threat" decisions.
    if ((await deps.repos.notThreat.matching(tenantId, facts.from)).length > 0) {
      decision = decidePolicy(policy, report.verdict, { notThreat: true });
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

/** A rescan adds a report; the message row lock orders it against a deletion. */
async function saveRescan(deps: ServiceDeps, payload: ScanMessagePayload, scanned: ScanReport) {
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM messages WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [
      payload.tenantId,
      payload.messageId,
    ]);
    if (!rows[0]) return null;
    return { report: await createRepositories(tx).reports.save(payload.tenantId, payload.messageId, scanned), created: true };
  });
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
