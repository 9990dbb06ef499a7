import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordHeaderLayers } from '../../layers/record-header-layers.ts';
import { ingestOne, sampleReport } from '../../storage/testing/fixtures.ts';
import { call, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

const PHISH_FROM_M365 = Buffer.from(
  [
    'X-Forefront-Antispam-Report: CIP:203.0.113.7;CTRY:NL;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;CAT:PHSH;DIR:INB;',
    'X-Microsoft-Antispam: BCL:1;',
    'Authentication-Results: spf=fail (sender IP is 203.0.113.7) smtp.mailfrom=payroll-update.example.net; dkim=none; dmarc=fail action=quarantine header.from=payroll-update.example.net',
    'From: "Payroll" <hr@payroll-update.example.net>',
    'To: dana@example.com',
    'Subject: Action required: confirm your salary account',
    'Message-ID: <m365-phish-1@payroll-update.example.net>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p onclick="steal()">Confirm at <a href="https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin.payroll-update.example.net%2Fverify&data=1">www.example.com/payroll</a></p>',
    '<img src="https://tracker.example.net/pixel.gif"><script>alert(1)</script><form action="https://x.example.net"><input name=p></form>',
    '--b1',
    'Content-Type: text/csv; name="salary.csv"',
    'Content-Disposition: attachment; filename="salary.csv"',
    '',
    'name,amount',
    'dana,1000',
    '--b1--',
    '',
  ].join('\r\n'),
);

describe('layers, vendor verdicts, message view and effectiveness', () => {
  const world = useApiWorld();

  async function phishWithProviderVerdict() {
    const { a } = world();
    const message = await ingestOne(a.seeded, { raw: PHISH_FROM_M365, from: 'hr@payroll-update.example.net' });
    await a.seeded.repos.reports.save(a.tenantId, message.id, sampleReport('phish', 11));
    return message;
  }

  it("stores the provider's verdict from the headers and shows it beside Mailward's", async () => {
    const { app, a, deps } = world();
    const message = await phishWithProviderVerdict();
    assert.equal(await recordHeaderLayers(deps.db, a.tenantId, message.id, PHISH_FROM_M365), 1);
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/messages/${message.id}/layers`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(body.mailward, { verdict: 'phish', score: 11, caught: true });
    assert.equal(body.layers.length, 1);
    assert.equal(body.layers[0].layer, 'microsoft-365');
    assert.equal(body.layers[0].verdict, 'phish');
    assert.equal(body.layers[0].source, 'headers');
    assert.match(body.layers[0].details.summary, /phishing/);
  });

  it('records a vendor verdict by Message-ID, audited, and the quarantine filters by layer, domain, recipient and text', async () => {
    const { app, a, deps } = world();
    const message = await phishWithProviderVerdict();
    await recordHeaderLayers(deps.db, a.tenantId, message.id, PHISH_FROM_M365);
    await deps.repos.quarantine.quarantine(a.tenantId, message.id, { reason: 'policy', decidedBy: 'system' });
    const pushed = await call(app, a.keys.analyst, 'POST', `${V}/verdicts`, {
      body: { messageIdHeader: message.messageIdHeader, vendor: 'acme-sec', verdict: 'phish', score: 98 },
    });
    assert.equal(pushed.statusCode, 200, pushed.body);
    assert.deepEqual(
      pushed.json().recorded.map((r: { messageId: string }) => r.messageId),
      [message.id],
    );
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'layer.verdict', targetId: message.id });
    assert.equal(audit.items.length, 1);
    const reserved = await call(app, a.keys.analyst, 'POST', `${V}/verdicts`, {
      body: { messageId: message.id, vendor: 'google', verdict: 'clean' },
    });
    assert.equal(reserved.statusCode, 400);
    const nothing = await call(app, a.keys.analyst, 'POST', `${V}/verdicts`, { body: { vendor: 'acme-sec', verdict: 'clean' } });
    assert.equal(nothing.statusCode, 400);

    const list = async (query: string) => {
      const response = await call(app, a.keys.readOnly, 'GET', `${V}/quarantine?${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().items as { messageId: string; layers: { layer: string }[]; message: { to: string[] } }[];
    };
    const byProvider = await list('layer=provider');
    assert.deepEqual(
      byProvider.map((i) => i.messageId),
      [message.id],
    );
    assert.deepEqual(
      byProvider[0].layers.map((l) => l.layer),
      ['microsoft-365', 'acme-sec'],
    );
    assert.deepEqual(
      (await list('layer=acme-sec')).map((i) => i.messageId),
      [message.id],
    );
    assert.deepEqual(
      (await list('layer=gateway')).map((i) => i.messageId),
      [],
    );
    assert.deepEqual(
      (await list('senderDomain=Payroll-Update.example.net')).map((i) => i.messageId),
      [message.id],
    );
    assert.deepEqual(
      (await list(`recipient=${a.seeded.mailbox.address}&q=${encodeURIComponent(message.subject.toUpperCase())}`)).map((i) => i.messageId),
      [message.id],
    );
    assert.deepEqual(
      (await list('q=no such subject words')).map((i) => i.messageId),
      [],
    );
    const mailward = await list('layer=mailward&verdict=phish&verdict=malware');
    assert.ok(mailward.some((i) => i.messageId === message.id));
    assert.ok(mailward.some((i) => i.messageId === a.toDelete.id));
  });

  it('pages the quarantine both ways without repeating or skipping rows', async () => {
    const { app, a } = world();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${V}/quarantine?limit=1&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await call(app, a.keys.readOnly, 'GET', url)).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await call(app, a.keys.readOnly, 'GET', `${V}/quarantine?limit=500`)).json().items.map((i: { id: string }) => i.id);
    assert.deepEqual(seen, [...all].reverse());
    assert.equal(new Set(seen).size, seen.length);
  });

  it('shows headers, authentication, real link targets, attachment hashes and a preview with nothing active', async () => {
    const { app, a } = world();
    const message = await phishWithProviderVerdict();
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/messages/${message.id}/view`);
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json();
    assert.ok(view.headers.some((h: { name: string }) => h.name === 'x-forefront-antispam-report'));
    assert.deepEqual(
      view.authentication.map((r: { method: string; result: string }) => `${r.method}=${r.result}`),
      ['spf=fail', 'dkim=none', 'dmarc=fail'],
    );
    const link = view.links.find((l: { kind: string }) => l.kind === 'anchor');
    assert.equal(link.target, 'https://login.payroll-update.example.net/verify');
    assert.equal(link.host, 'login.payroll-update.example.net');
    assert.equal(link.textMismatch, true);
    assert.deepEqual(link.via, ['nam01.safelinks.protection.outlook.com']);
    const csv = view.attachments.find((x: { filename: string }) => x.filename === 'salary.csv');
    assert.match(csv.sha256, /^[0-9a-f]{64}$/);
    assert.match(csv.md5, /^[0-9a-f]{32}$/);
    const html: string = view.preview.html;
    for (const active of ['<script', 'onclick', '<form', ' href=', ' src=']) assert.equal(html.includes(active), false, `no ${active}`);
    assert.match(html, /data-mw-href="https:\/\/nam01\.safelinks/);
    assert.match(html, /data-mw-src="https:\/\/tracker\.example\.net\/pixel\.gif"/);
  });

  it('counts scanned, threats, who caught them, releases and remediation time, also as CSV', async () => {
    const { app, a, deps } = world();
    const message = await phishWithProviderVerdict();
    await recordHeaderLayers(deps.db, a.tenantId, message.id, PHISH_FROM_M365);
    const reported = await ingestOne(a.seeded, { from: 'friendly@partner.example.org' });
    await a.seeded.repos.reports.save(a.tenantId, reported.id, sampleReport('clean', 0));
    const userReport = await call(app, a.keys.analyst, 'POST', `${V}/verdicts`, {
      body: { messageId: reported.id, vendor: 'report-button', kind: 'user-report', verdict: 'phish', caught: false },
    });
    assert.equal(userReport.statusCode, 200, userReport.body);
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/stats/effectiveness`);
    assert.equal(response.statusCode, 200, response.body);
    const stats = response.json();
    const own = await deps.repos.messages.list(a.tenantId, {}, { limit: 500 });
    assert.equal(stats.scanned, own.items.filter((m) => m.verdict).length);
    assert.equal(
      stats.threats,
      own.items.filter((m) => m.verdict && ['spam', 'suspicious', 'phish', 'malware'].includes(m.verdict.class)).length,
    );
    assert.ok(stats.layers.both >= 1, 'the phish both Mailward and Microsoft caught');
    assert.ok(stats.userReportedUncaught >= 1);
    assert.ok(stats.remediation.count >= 2);
    assert.equal(typeof stats.remediation.p95Seconds, 'number');
    assert.ok(stats.topSenderDomains.some((d: { domain: string }) => d.domain === 'payroll-update.example.net'));
    const csv = await call(app, a.keys.readOnly, 'GET', `${V}/stats/effectiveness.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(csv.body, /^section,key,day,value\r\n/);
    assert.match(csv.body, new RegExp(`^summary,scanned,,${stats.scanned}\\r$`, 'm'));
    assert.match(csv.body, /^top_sender_domains,payroll-update\.example\.net,,\d+\r$/m);
  });
});
