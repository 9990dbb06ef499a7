import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, useApiWorld } from '../api/testing/api-world.ts';
import { isFlagged } from '../core/verdict.ts';
import { tenantScanSetup } from '../service/tenant-scan.ts';
import { ingestOne } from '../storage/testing/fixtures.ts';

const V = '/api/v1';

/**
 * A tenant's recurring false positive: the travel-expense system its staff use sends a weekly
 * reminder that reads much like a credential lure (sign in, approve before a deadline, or the
 * claim is rejected), from the vendor's own domain.
 */
function expenseReminder(week: number): Buffer {
  const amount = (180 + week * 37.5).toFixed(2);
  return Buffer.from(
    [
      'From: Expense Desk <notifications@expenses-portal.example.net>',
      'To: Dana Reyes <dana.reyes@example.com>',
      `Subject: Action required: expense claim EXP-${4200 + week} awaiting your approval`,
      `Date: Mon, ${week + 1} Nov 2026 07:00:00 +0000`,
      `Message-ID: <claim-${4200 + week}@expenses-portal.example.net>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Dear Dana,',
      '',
      `Expense claim EXP-${4200 + week} for EUR ${amount} is waiting for your approval.`,
      'Please sign in to the portal and verify your account details to approve the claim.',
      'Claims not approved within 48 hours will be rejected and your account may be suspended.',
      '',
      `Sign in: https://login.expenses-portal.example.net/approve?claim=${4200 + week}`,
      '',
      'Expense Desk',
      '',
    ].join('\r\n'),
  );
}

describe('tenant model layer', () => {
  const world = useApiWorld();

  it('stops flagging a recurring false positive after ten not-a-threat decisions, for that tenant only', async () => {
    const { app, deps, a, b } = world();
    const before = await deps.engine.scan(expenseReminder(0));
    assert.ok(
      isFlagged(before.verdict.class),
      `the reminder should start out flagged, got ${before.verdict.class} ${before.verdict.score}`,
    );

    for (let week = 1; week <= 10; week++) {
      const message = await ingestOne(a.seeded, { raw: expenseReminder(week) });
      await a.seeded.repos.quarantine.quarantine(a.tenantId, message.id, { reason: 'policy', decidedBy: 'system' });
      const response = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${message.id}/not-a-threat`, {
        body: { reason: 'our expense system' },
      });
      assert.equal(response.statusCode, 200, response.body);
      if (week === 3) {
        // A few decisions are not enough: one mistaken click must not teach the layer to let lures through.
        const early = await deps.engine.scan(expenseReminder(11), {
          settings: { contentModelLayer: await deps.repos.tenantModel.layer(a.tenantId) },
        });
        assert.ok(isFlagged(early.verdict.class), `after three decisions: ${early.verdict.class} ${early.verdict.score}`);
      }
    }
    const feedbackA = await deps.repos.tenantModel.feedback(a.tenantId);
    assert.equal(feedbackA.length, 10);
    assert.ok(feedbackA.every((f) => f.label === 'not-threat' && f.source === 'analyst'));
    assert.deepEqual(await deps.repos.tenantModel.feedback(b.tenantId), []);

    // Next week's reminder (never seen before), scanned as the service scans each tenant's mail.
    const nextWeek = expenseReminder(11);
    const setupA = await tenantScanSetup(deps, a.tenantId);
    const reportA = await setupA.engine.scan(nextWeek, { settings: setupA.settings });
    assert.equal(isFlagged(reportA.verdict.class), false, `tenant A: ${reportA.verdict.class} ${reportA.verdict.score}`);
    assert.ok(reportA.signals.some((s) => s.id === 'MODEL_TENANT_NOT_THREAT'));

    const setupB = await tenantScanSetup(deps, b.tenantId);
    const reportB = await setupB.engine.scan(nextWeek, { settings: setupB.settings });
    assert.ok(isFlagged(reportB.verdict.class), `tenant B: ${reportB.verdict.class} ${reportB.verdict.score}`);
    assert.ok(!reportB.signals.some((s) => s.id.startsWith('MODEL_TENANT_')));
  });

  it('learns a confirmed threat from a delete decision, and a not-a-threat on a different tenant does not undo it', async () => {
    const { app, deps, a, b } = world();
    const lure = Buffer.from(
      [
        'From: Payroll <payroll@pay-update.example.org>',
        'To: dana.reyes@example.com',
        'Subject: Update your direct deposit before Friday',
        'Message-ID: <dd-1@pay-update.example.org>',
        '',
        'Please update your direct deposit details on the form below before the next pay run.',
        'https://pay-update.example.org/form',
        '',
      ].join('\r\n'),
    );
    const message = await ingestOne(b.seeded, { raw: lure });
    await b.seeded.repos.quarantine.quarantine(b.tenantId, message.id, { reason: 'policy', decidedBy: 'system' });
    const response = await call(app, b.keys.analyst, 'POST', `${V}/quarantine/${message.id}/delete`);
    assert.equal(response.statusCode, 200, response.body);
    const [lesson] = await deps.repos.tenantModel.feedback(b.tenantId);
    assert.equal(lesson.label, 'threat');
    const layerB = await deps.repos.tenantModel.layer(b.tenantId);
    assert.equal(layerB.updates, 1);
    assert.ok(layerB.weights.size > 0);
    // Tenant A's lessons are its own: B's confirmed threat is not among them.
    assert.ok((await deps.repos.tenantModel.feedback(a.tenantId)).every((f) => f.messageSha256 !== lesson.messageSha256));
  });
});
