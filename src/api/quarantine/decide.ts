import { errorMessage } from '../../core/errors.ts';
import { teachTenantModel } from '../../feedback/teach-tenant-model.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import type { QuarantineEntry, QuarantineState } from '../../storage/quarantine.ts';
import { createRepositories } from '../../storage/repositories.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import { followUpInMailbox } from './mailbox-follow-up.ts';

export const QUARANTINE_DECISIONS = ['release', 'delete', 'not-a-threat'] as const;
export type QuarantineDecision = (typeof QUARANTINE_DECISIONS)[number];

export interface DecisionOutcome {
  messageId: string;
  /** The quarantine state afterwards; null when the message was never quarantined. */
  state: QuarantineState | null;
  /** Set by not-a-threat: the remembered sender decision. */
  notThreat?: { id: string; kind: string; value: string };
}

/**
 * One analyst decision on one message, with its audit entry in the same transaction: a decision
 * is never recorded without its actor, nor an audit entry without its decision. For a message in
 * a connector mailbox, the mailbox then follows (release puts it back, delete deletes it).
 */
export async function decide(
  deps: Pick<ServiceDeps, 'db' | 'repos' | 'queue' | 'log' | 'behaviour'>,
  principal: Principal,
  messageId: string,
  decision: QuarantineDecision,
  reason: string,
): Promise<DecisionOutcome> {
  const outcome = await record(deps, principal, messageId, decision, reason);
  if (outcome.entry && (outcome.state === 'released' || outcome.state === 'deleted') && (decision !== 'not-a-threat' || outcome.released)) {
    await followUpInMailbox(
      deps,
      principal.tenantId,
      messageId,
      outcome.state === 'released' ? 'restore' : 'delete',
      outcome.entry,
      reason,
    );
  }
  await teachFromDecision(deps, principal, messageId, decision);
  const { entry: _entry, released: _released, ...result } = outcome;
  return result;
}

/**
 * Not-a-threat and delete are judgements about the message: they teach the tenant's own model
 * layer (not-a-threat: mail like this is fine here; delete: it was a threat) and its behaviour
 * model (not-a-threat: learned as normal mail; delete: the sender is forgotten). Release alone
 * says only that the message may be delivered. Learning follows the recorded decision; if it
 * fails, the decision stands and the failure is logged.
 */
async function teachFromDecision(
  deps: Pick<ServiceDeps, 'db' | 'log' | 'behaviour'>,
  principal: Principal,
  messageId: string,
  decision: QuarantineDecision,
) {
  if (decision === 'release') return;
  const repos = createRepositories(deps.db);
  let raw: Uint8Array | null = null;
  try {
    raw = await repos.rawMime.getForMessage(principal.tenantId, messageId);
    if (!raw) return;
    const label = decision === 'not-a-threat' ? 'not-threat' : 'threat';
    await teachTenantModel(repos, principal.tenantId, raw, { label, source: 'analyst', actor: principal.keyId });
  } catch (error) {
    deps.log.error({ tenantId: principal.tenantId, messageId, err: errorMessage(error) }, 'tenant model could not learn from a decision');
  }
  // `teach` logs its own failures.
  if (raw) await deps.behaviour?.teach(principal.tenantId, raw, decision === 'not-a-threat' ? 'not_a_threat' : 'threat');
}

async function record(
  deps: Pick<ServiceDeps, 'db'>,
  principal: Principal,
  messageId: string,
  decision: QuarantineDecision,
  reason: string,
): Promise<DecisionOutcome & { entry?: QuarantineEntry | null; released?: boolean }> {
  const { tenantId, keyId } = principal;
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const audit = (action: string, details: Record<string, unknown>) =>
      repos.audit.append(tenantId, { actor: actorOf(principal), action, target: { kind: 'message', id: messageId }, details });
    if (decision === 'release') {
      const entry = await repos.quarantine.release(tenantId, messageId, keyId);
      await audit('quarantine.release', { reason });
      return { messageId, state: entry.state, entry };
    }
    if (decision === 'delete') {
      const entry = await repos.quarantine.markDeleted(tenantId, messageId, keyId);
      await audit('quarantine.delete', { reason });
      return { messageId, state: entry.state, entry };
    }
    // Not a threat: remember the sender so the same mail is not flagged again, and let this one go.
    const message = await repos.messages.get(tenantId, messageId);
    if (!message) throw notFound('message');
    const remembered = await repos.notThreat.remember(tenantId, { kind: 'sender', value: message.from, reason, decidedBy: keyId });
    let entry = await repos.quarantine.get(tenantId, messageId);
    const released = entry?.state === 'quarantined';
    if (released) entry = await repos.quarantine.release(tenantId, messageId, keyId);
    await audit('message.not-a-threat', { reason, sender: remembered.value, decisionId: remembered.id, released });
    return {
      messageId,
      entry,
      released,
      state: entry?.state ?? null,
      notThreat: { id: remembered.id, kind: remembered.kind, value: remembered.value },
    };
  });
}
