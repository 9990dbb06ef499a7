import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { ceoFraud, newCorrespondent, orgHistory, partnerNote } from '../../../src/behaviour/testing/org-mail.ts';
import { eventually } from '../../../src/queue/testing/wait.ts';
import { createTempDatabase, type TempDatabase } from '../queue/temp-postgres.ts';
import { api, type ServiceProcess, sendSmtp, startMailward, stopMailward } from '../service/harness.ts';

interface MessageView {
  message: { verdict: { class: string } | null };
  report: { report: { verdict: { class: string }; signals: Array<{ id: string }> } } | null;
}

const BEHAVIOUR = /^(COMBO_)?BEH_/;

/**
 * The running service (two scan threads) learns the default tenant's behaviour from the mail it
 * scans, keeps it across a restart, and forgets it on reset; on the embedded default (PGlite) and
 * on PostgreSQL. The organisation's domain is the default tenant's, example.com.
 */
for (const setup of [
  { name: 'embedded PGlite', ports: [47210, 47211], postgres: false },
  { name: 'PostgreSQL', ports: [47212, 47213], postgres: true },
]) {
  describe(`the service learns a tenant's behaviour model and keeps it in storage (${setup.name})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mailward-behaviour-'));
    const env: Record<string, string> = { MAILWARD_DATA: dataDir, MAILWARD_WORKER_SCAN_THREADS: '2' };
    const args = ['--api-port', String(setup.ports[0]), '--smtp-port', String(setup.ports[1])];
    let database: TempDatabase | undefined;
    let service: ServiceProcess | undefined;
    let apiKey: string;

    before(async () => {
      if (!setup.postgres) return;
      database = await createTempDatabase('behaviour');
      env.DATABASE_URL = database.url;
    });

    after(async () => {
      if (service) await stopMailward(service, 'SIGKILL');
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const send = async (raw: Buffer): Promise<string> => {
      const sent = await sendSmtp(service!.smtpPort!, raw);
      assert.ok(sent.accepted, sent.response);
      return sent.messageIds[0];
    };
    const signalsOf = async (raw: Buffer) => {
      const id = await send(raw);
      const view = await eventually(
        async () => {
          const { status, body } = await api<MessageView>(service!, `/messages/${id}`, apiKey);
          return status === 200 && body.report ? body.report.report : null;
        },
        `message ${id} scanned`,
        60_000,
      );
      return { verdict: view.verdict.class, behaviour: view.signals.map((s) => s.id).filter((s) => BEHAVIOUR.test(s)) };
    };

    it('learns from the history it scans, then flags a first-contact CEO impersonation asking for gift cards', async () => {
      service = await startMailward({ env, args });
      apiKey = service.apiKey!;
      assert.equal(service.smtpPort, setup.ports[1], service.output());

      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: service.smtpPort!, secure: false, ignoreTLS: true });
      try {
        for (const raw of orgHistory(320)) assert.ok((await sendSmtp(service.smtpPort!, raw, 'journal@example.com', transport)).accepted);
      } finally {
        transport.close();
      }
      await eventually(
        async () => {
          const { body } = await api<{ items: unknown[] }>(service!, '/messages?verdict=unscanned&limit=1', apiKey);
          return body.items.length === 0;
        },
        'the history scanned',
        300_000,
      );
      const flagged = await api<{ items: unknown[] }>(service, '/messages?verdict=phish&verdict=suspicious&limit=5', apiKey);
      assert.deepEqual(flagged.body.items, [], 'the ordinary history is clean, so all of it is learned');

      const fraud = await signalsOf(ceoFraud('bec-1'));
      assert.ok(fraud.behaviour.includes('BEH_FIRST_CONTACT'), fraud.behaviour.join());
      assert.ok(fraud.behaviour.includes('BEH_COLLEAGUE_NAME_EXTERNAL'), fraud.behaviour.join());
      assert.ok(fraud.behaviour.includes('COMBO_BEH_COLLEAGUE_IMPERSONATION_ASK'), fraud.behaviour.join());
      assert.equal(fraud.verdict, 'phish');
      assert.equal((await signalsOf(partnerNote('partner-1'))).behaviour.includes('BEH_FIRST_CONTACT'), false);
    });

    it('still has the model after a restart', async () => {
      await stopMailward(service!, 'SIGINT');
      service = await startMailward({ env, args });

      const fraud = await signalsOf(ceoFraud('bec-2'));
      assert.ok(fraud.behaviour.includes('BEH_FIRST_CONTACT'), fraud.behaviour.join());
      assert.ok(fraud.behaviour.includes('BEH_COLLEAGUE_NAME_EXTERNAL'), fraud.behaviour.join());
      // First contact fires only with enough history, so these two together show the stored model is back.
      assert.equal((await signalsOf(partnerNote('partner-2'))).behaviour.includes('BEH_FIRST_CONTACT'), false, 'a known correspondent');
      assert.ok((await signalsOf(newCorrespondent('new-1'))).behaviour.includes('BEH_FIRST_CONTACT'), 'a new one');
    });

    it('forgets it when an admin resets it through the API', async () => {
      const response = await fetch(`${service!.apiUrl}/api/v1/behaviour`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${apiKey}` },
      });
      assert.equal(response.status, 200);
      assert.ok(((await response.json()) as { removedEntries: number }).removedEntries > 0);
      assert.deepEqual((await signalsOf(ceoFraud('bec-3'))).behaviour, []);

      await stopMailward(service!, 'SIGINT');
      service = await startMailward({ env, args });
      assert.deepEqual((await signalsOf(ceoFraud('bec-4'))).behaviour, [], 'the reset is stored too');
    });
  });
}
