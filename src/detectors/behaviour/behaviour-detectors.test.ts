import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TenantBehaviour } from '../../behaviour/tenant-behaviour.ts';
import type { ScanReport } from '../../core/report.ts';
import { isFlagged } from '../../core/verdict.ts';
import { createEngine } from '../../pipeline/create-engine.ts';
import { learnAfterVerdict } from './learn-after-verdict.ts';

const ORG = 'org.example';
const AUTHSERV = 'mx.provider.test';
const settings = { orgDomains: [ORG], trustedAuthservIds: [AUTHSERV] };

interface Mail {
  from: string;
  to: string[];
  subject: string;
  body: string;
  at: Date;
  host?: string;
  ip?: string;
  dmarc?: 'pass' | 'fail';
  replyTo?: string;
  inReplyTo?: string;
  mailer?: string;
  id?: string;
}

let sequence = 0;

/** A delivered message as the organisation's provider stamps it. */
function message(m: Mail): Uint8Array {
  const address = /<([^>]+)>/.exec(m.from)?.[1] ?? m.from;
  const domain = address.split('@')[1];
  const host = m.host ?? `mail.${domain}`;
  const dmarc = m.dmarc ?? 'pass';
  const lines = [
    `Authentication-Results: ${AUTHSERV}; spf=${dmarc === 'pass' ? 'pass' : 'softfail'} smtp.mailfrom=${address}; dmarc=${dmarc} header.from=${domain}`,
    `Received: from ${host} (${host} [${m.ip ?? '198.51.100.7'}]) by ${AUTHSERV} with ESMTPS id Q${++sequence}; ${m.at.toUTCString().replace('GMT', '+0000')}`,
    `From: ${m.from}`,
    `To: ${m.to.join(', ')}`,
    `Subject: ${m.subject}`,
    `Date: ${m.at.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${m.id ?? `msg${sequence}@${domain}`}>`,
    ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`, `References: <${m.inReplyTo}>`] : []),
    ...(m.mailer ? [`X-Mailer: ${m.mailer}`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.body,
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

const day = (n: number, hour: number) => new Date(Date.UTC(2026, 1, 2 + n, hour, 15));
const colleagues = Array.from({ length: 24 }, (_, i) => `colleague${i}@${ORG}`);

describe('behaviour detectors', () => {
  const engine = createEngine({ postHooks: [learnAfterVerdict] });
  const model = new TenantBehaviour({ warmAfter: 30 });
  const scan = (m: Mail, behaviour: TenantBehaviour | null = model) =>
    engine.scan(message(m), { settings, behaviour: behaviour ?? undefined });
  const ids = (report: ScanReport) => report.signals.map((s) => s.id);

  before(async () => {
    // Three weeks of ordinary mail: a supplier the organisation writes to, and colleagues.
    for (let d = 0; d < 21; d++) {
      await scan({
        from: 'Lena Holm <lena.holm@northwind-supplies.example>',
        to: [`Maria Jensen <maria.jensen@${ORG}>`],
        subject: `Delivery slots week ${d}`,
        body: 'Please find our proposed delivery slots for next week. Let us know which suits your warehouse.',
        at: day(d, 9),
        host: 'mail-db3.outbound.protection.outlook.com',
        id: `n${d}@northwind-supplies.example`,
      });
      await scan({
        from: `Maria Jensen <maria.jensen@${ORG}>`,
        to: ['Lena Holm <lena.holm@northwind-supplies.example>'],
        subject: `Re: Delivery slots week ${d}`,
        body: 'Thanks, Tuesday morning works for us.',
        at: day(d, 11),
        host: `mail.${ORG}`,
        inReplyTo: `n${d}@northwind-supplies.example`,
        mailer: 'Microsoft Outlook 16.0',
      });
      await scan({
        from: `Tom Berg <tom.berg@${ORG}>`,
        to: [`Maria Jensen <maria.jensen@${ORG}>`, colleagues[d % 3]],
        subject: `Dispatch figures day ${d}`,
        body: 'The dispatch numbers are in the shared folder; two trailers were late.',
        at: day(d, 14),
        host: `mail.${ORG}`,
        mailer: 'Microsoft Outlook 16.0',
      });
      // The managing director's weekly note to everyone: what makes her a key person.
      if (d % 7 === 0) {
        await scan({
          from: `Anna Lund <anna.lund@${ORG}>`,
          to: [...colleagues, `Maria Jensen <maria.jensen@${ORG}>`, `Tom Berg <tom.berg@${ORG}>`],
          subject: `Week ${d / 7 + 1} at a glance`,
          body: 'Thanks all for a busy week. The new loading bay opens on Monday; the canteen stays closed until Wednesday.',
          at: day(d, 8),
          host: `mail.${ORG}`,
          mailer: 'Microsoft Outlook 16.0',
        });
      }
    }
  });

  it('stays silent without a tenant model', async () => {
    const report = await scan(
      {
        from: 'Maria Jensen <maria.jensen.office@gmail.com>',
        to: [`Tom Berg <tom.berg@${ORG}>`],
        subject: 'Quick favour',
        body: 'Are you at your desk? I need you to buy some gift cards for clients.',
        at: day(22, 10),
        host: 'mail-sor-f41.google.com',
      },
      null,
    );
    assert.equal(ids(report).filter((id) => id.startsWith('BEH_')).length, 0);
  });

  it('recognises an established correspondent writing as usual', async () => {
    const report = await scan({
      from: 'Lena Holm <lena.holm@northwind-supplies.example>',
      to: [`Maria Jensen <maria.jensen@${ORG}>`],
      subject: 'Delivery slots next week',
      body: 'Our proposed delivery slots for next week are below.',
      at: day(22, 9),
      host: 'mail-db3.outbound.protection.outlook.com',
    });
    assert.ok(ids(report).includes('BEH_ESTABLISHED_CORRESPONDENT'));
    assert.equal(ids(report).includes('BEH_FIRST_CONTACT_RECIPIENT'), false);
    assert.equal(isFlagged(report.verdict.class), false);
  });

  it('notices a known supplier writing to a colleague it has never dealt with', async () => {
    const report = await scan({
      from: 'Lena Holm <lena.holm@northwind-supplies.example>',
      to: [`Tom Berg <tom.berg@${ORG}>`],
      subject: 'Open invoices',
      body: 'Could you send me the list of open invoices for this quarter?',
      at: day(22, 10),
      host: 'mail-db3.outbound.protection.outlook.com',
    });
    const hit = report.signals.find((s) => s.id === 'BEH_FIRST_CONTACT_RECIPIENT');
    assert.ok(hit, ids(report).join(' '));
    assert.match(hit.evidence[0], /lena\.holm@northwind-supplies\.example .* never exchanged mail with tom\.berg@org\.example/);
    assert.equal(ids(report).includes('BEH_FIRST_CONTACT'), false, 'the organisation knows the sender');
  });

  it('says when the borrowed name is a key person’s: someone who writes to the whole organisation', async () => {
    const report = await scan({
      from: 'Anna Lund <anna.lund.md@gmail.com>',
      to: [`Tom Berg <tom.berg@${ORG}>`],
      subject: 'Quick favour',
      body: 'Are you at your desk? I need you to buy some gift cards for clients today.',
      at: day(22, 11),
      host: 'mail-sor-f41.google.com',
    });
    assert.ok(ids(report).includes('BEH_COLLEAGUE_NAME_EXTERNAL'), ids(report).join(' '));
    const key = report.signals.find((s) => s.id === 'BEH_IMPERSONATED_KEY_PERSON');
    assert.ok(key, ids(report).join(' '));
    assert.match(key.evidence[0], /^Anna Lund writes to up to 26 people at once$/);
  });

  it('flags a colleague’s name on a free-mail address asking for gift cards, and does not learn it', async () => {
    const report = await scan({
      from: 'Jensen, Maria <maria.jensen.office@gmail.com>',
      to: [`Tom Berg <tom.berg@${ORG}>`],
      subject: 'Quick favour',
      body: 'Are you at your desk? I need you to purchase five Apple gift cards for some clients. Send me the codes.',
      at: day(22, 10),
      host: 'mail-sor-f41.google.com',
    });
    assert.ok(ids(report).includes('BEH_COLLEAGUE_NAME_EXTERNAL'));
    assert.ok(ids(report).includes('BEH_FIRST_CONTACT'));
    assert.equal(ids(report).includes('BEH_IMPERSONATED_KEY_PERSON'), false, 'nothing in her mail makes Maria a key person');
    assert.ok(isFlagged(report.verdict.class));
    assert.equal(model.sender('maria.jensen.office@gmail.com'), undefined);
  });

  it('flags a look-alike of the supplier’s domain', async () => {
    const report = await scan({
      from: 'Lena Holm <lena.holm@northwind-suppl1es.example>',
      to: [`Maria Jensen <maria.jensen@${ORG}>`],
      subject: 'Change of bank details',
      body: 'Please be advised that we have changed our bank. New IBAN: GB29 NWBK 6016 1331 9268 19.',
      at: day(22, 11),
      host: 'vps12.hosting.test',
    });
    const hit = report.signals.find((s) => s.id === 'BEH_CORRESPONDENT_LOOKALIKE');
    assert.ok(hit, ids(report).join(' '));
    assert.match(hit.evidence[0], /northwind-supplies\.example/);
  });

  it('flags the real supplier failing authentication from new infrastructure', async () => {
    const report = await scan({
      from: 'Lena Holm <lena.holm@northwind-supplies.example>',
      to: [`Maria Jensen <maria.jensen@${ORG}>`],
      subject: 'Updated banking information',
      body: 'Our bank details have changed. Please pay open invoices to IBAN GB29 NWBK 6016 1331 9268 19.',
      at: day(22, 12),
      host: 'vps77.hosting.test',
      ip: '203.0.113.9',
      dmarc: 'fail',
      replyTo: 'lena.payments@gmail.com',
    });
    for (const id of [
      'BEH_KNOWN_SENDER_AUTH_FAIL',
      'BEH_KNOWN_SENDER_NEW_INFRA',
      'BEH_KNOWN_SENDER_NEW_REPLY_TO',
      'BEH_KNOWN_SENDER_NEW_PAYMENT_TALK',
    ]) {
      assert.ok(ids(report).includes(id), `${id} in ${ids(report).join(' ')}`);
    }
    assert.ok(isFlagged(report.verdict.class));
  });

  it('flags a stranger replying in a thread the organisation never had', async () => {
    const report = await scan({
      from: 'Accounts <billing@settlement-desk.example>',
      to: [`Maria Jensen <maria.jensen@${ORG}>`],
      subject: 'Re: Invoice 4471',
      body: 'As per the thread below, kindly pay the balance today.\n\nOn Mon, 2 Feb 2026, Maria Jensen wrote:\n> We will pay this week.',
      at: day(22, 13),
      inReplyTo: 'made-up-id@settlement-desk.example',
    });
    assert.ok(ids(report).includes('BEH_REPLY_UNKNOWN_THREAD'), ids(report).join(' '));
  });

  it('flags an internal account mass-mailing at night from a new client', async () => {
    const report = await scan({
      from: `Tom Berg <tom.berg@${ORG}>`,
      to: colleagues,
      subject: 'Tom Berg shared "Salary review.xlsx" with you',
      body: 'Sign in with your company account to view the document: https://docs-share.web-app.test/s/abc',
      at: day(23, 3),
      host: `mail.${ORG}`,
      mailer: 'eM Client 9.2',
    });
    for (const id of ['BEH_INTERNAL_MASS_MAIL', 'BEH_INTERNAL_ODD_HOUR', 'BEH_INTERNAL_NEW_CLIENT', 'BEH_INTERNAL_UNUSUAL_RECIPIENTS']) {
      assert.ok(ids(report).includes(id), `${id} in ${ids(report).join(' ')}`);
    }
    assert.ok(isFlagged(report.verdict.class));
  });
});
