import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import type { Db } from '../../../src/storage/db.ts';
import { createRepositories } from '../../../src/storage/repositories.ts';
import { CLEAN, PHISH, sendSmtp, variant } from './harness.ts';

export interface BatchMessage {
  tag: string;
  kind: 'phish' | 'clean';
  accepted: boolean;
  messageId?: string;
  response: string;
}

/**
 * Sends `count` distinct messages (every third a phish) over a pool of SMTP connections, all at
 * once. `onAccepted(n)` runs after each 250 with the number accepted so far (to crash the service
 * mid-batch). A message counts as accepted only when the server answered 250 with its id.
 */
export async function sendBatch(port: number, count: number, run: string, onAccepted?: (n: number) => void): Promise<BatchMessage[]> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });
  let accepted = 0;
  try {
    return await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const kind = i % 3 === 0 ? 'phish' : 'clean';
        const tag = `${run}-${i}`;
        const result = await sendSmtp(port, variant(kind === 'phish' ? PHISH : CLEAN, tag), 'journal@example.com', transport);
        if (result.accepted) onAccepted?.(++accepted);
        return { tag, kind, accepted: result.accepted, messageId: result.messageIds[0], response: result.response } as BatchMessage;
      }),
    );
  } finally {
    transport.close();
  }
}

/** Messages of the batch that have a report yet. */
export async function countScanned(db: Db, batch: BatchMessage[]): Promise<number> {
  const ids = batch.filter((m) => m.messageId).map((m) => m.messageId);
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(DISTINCT message_id)::int AS n FROM scan_reports WHERE message_id = ANY($1::uuid[])',
    [ids],
  );
  return rows[0].n;
}

/**
 * The reliability claim, checked in storage: every accepted message has exactly one report;
 * every accepted phish exactly one quarantine action (done), one quarantine entry and one audit
 * entry; no clean message was acted on; and no message at all (accepted or not) has two reports
 * or two quarantine audit entries.
 */
export async function assertExactlyOnce(db: Db, batch: BatchMessage[]): Promise<void> {
  const repos = createRepositories(db);
  const [tenant] = await repos.tenants.list();
  for (const message of batch.filter((m) => m.accepted)) {
    assert.ok(message.messageId, `accepted ${message.tag} without an id: ${message.response}`);
    const reports = await repos.reports.listForMessage(tenant.id, message.messageId);
    assert.equal(reports.length, 1, `${message.tag}: ${reports.length} reports`);
    const actions = await repos.actions.listForMessage(tenant.id, message.messageId);
    if (message.kind === 'phish') {
      assert.equal(reports[0].report.verdict.class, 'phish', message.tag);
      assert.deepEqual(
        actions.map((a) => [a.kind, a.state]),
        [['quarantine', 'done']],
        message.tag,
      );
      assert.equal((await repos.quarantine.get(tenant.id, message.messageId))?.state, 'quarantined', message.tag);
    } else {
      assert.deepEqual(actions, [], message.tag);
    }
  }
  const doubleReports = await db.query('SELECT message_id FROM scan_reports GROUP BY message_id HAVING count(*) > 1');
  assert.equal(doubleReports.rowCount, 0, 'a message was scanned twice');
  const doubleAudit = await db.query(
    "SELECT target_id FROM audit_log WHERE action = 'quarantine.add' GROUP BY target_id HAVING count(*) > 1",
  );
  assert.equal(doubleAudit.rowCount, 0, 'a message was quarantined twice');
  const doubleActions = await db.query("SELECT message_id FROM actions WHERE kind = 'quarantine' GROUP BY message_id HAVING count(*) > 1");
  assert.equal(doubleActions.rowCount, 0, 'a quarantine action was planned twice');
}
