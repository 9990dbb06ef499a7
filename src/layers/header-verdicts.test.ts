import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerVerdictsFromHeaders } from './header-verdicts.ts';

function message(headers: string[]): Buffer {
  return Buffer.from(
    [...headers, 'From: billing@invoices.example.net', 'To: alice@example.com', 'Subject: Invoice', '', 'Body', ''].join('\r\n'),
  );
}

describe('other layers read from headers', () => {
  it('reads Microsoft 365 phishing with its spam confidence level and category', () => {
    const [ms] = layerVerdictsFromHeaders(
      message([
        'X-Forefront-Antispam-Report: CIP:203.0.113.9;CTRY:NL;LANG:en;SCL:9;SRV:;IPV:NLI;SFV:SPM;H:mx.example.net;PTR:;',
        ' CAT:HPHISH;SFS:(13230031)(4636009);DIR:INB;',
        'X-Microsoft-Antispam: BCL:0;ARA:13230031;',
      ]),
    );
    assert.equal(ms.layer, 'microsoft-365');
    assert.equal(ms.kind, 'provider');
    assert.equal(ms.verdict, 'phish');
    assert.equal(ms.caught, true);
    assert.equal(ms.score, 9);
    assert.deepEqual(ms.details.categories, ['HPHISH']);
    assert.equal(ms.details.country, 'NL');
    assert.match(ms.details.summary, /high-confidence phishing/);
  });

  it('calls a Microsoft 365 message with SFV:NSPM and SCL 1 clean, and bulk above BCL 7 graymail', () => {
    const [clean] = layerVerdictsFromHeaders(message(['X-Forefront-Antispam-Report: CIP:198.51.100.1;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;']));
    assert.equal(clean.verdict, 'clean');
    assert.equal(clean.caught, false);
    const [bulk] = layerVerdictsFromHeaders(
      message(['X-Forefront-Antispam-Report: SCL:1;SFV:NSPM;CAT:BULK;', 'X-Microsoft-Antispam: BCL:8;']),
    );
    assert.equal(bulk.verdict, 'graymail');
    assert.equal(bulk.details.bcl, 8);
    assert.equal(bulk.caught, false);
  });

  it('reads only the topmost copy: a forged clean verdict further down does not override', () => {
    const [ms] = layerVerdictsFromHeaders(
      message(['X-Forefront-Antispam-Report: SCL:5;SFV:SPM;CAT:SPM;', 'X-Forefront-Antispam-Report: SCL:-1;SFV:SKA;']),
    );
    assert.equal(ms.verdict, 'spam');
    assert.equal(ms.score, 5);
  });

  it('reads Google, SpamAssassin and Rspamd side by side', () => {
    const verdicts = layerVerdictsFromHeaders(
      message([
        'X-Gm-Phishy: 1',
        'X-Gm-Spam: 0',
        'X-Spam-Status: Yes, score=7.4 required=5.0 tests=BAYES_99,HTML_MESSAGE,',
        '\tURIBL_BLACK autolearn=no autolearn_force=no version=3.4.6',
        'X-Spam-Flag: YES',
        'X-Spamd-Result: default: False [3.20 / 15.00]; R_SPF_FAIL(1.00)[-all]; MIME_GOOD(-0.10)[text/plain]',
        'X-Rspamd-Action: no action',
      ]),
    );
    const byLayer = Object.fromEntries(verdicts.map((v) => [v.layer, v]));
    assert.deepEqual(Object.keys(byLayer).sort(), ['google', 'rspamd', 'spamassassin']);
    assert.equal(byLayer.google.verdict, 'phish');
    assert.equal(byLayer.spamassassin.verdict, 'spam');
    assert.equal(byLayer.spamassassin.score, 7.4);
    assert.deepEqual(byLayer.spamassassin.details.tests, ['BAYES_99', 'HTML_MESSAGE', 'URIBL_BLACK']);
    assert.equal(byLayer.rspamd.verdict, 'clean');
    assert.equal(byLayer.rspamd.score, 3.2);
    assert.deepEqual(byLayer.rspamd.details.symbols, ['R_SPF_FAIL', 'MIME_GOOD']);
  });

  it('reads an Rspamd reject and finds no layer in a message without filter headers', () => {
    const [rs] = layerVerdictsFromHeaders(message(['X-Rspamd-Action: reject', 'X-Rspamd-Score: 16.2']));
    assert.equal(rs.verdict, 'spam');
    assert.equal(rs.caught, true);
    assert.equal(rs.score, 16.2);
    assert.deepEqual(layerVerdictsFromHeaders(message([])), []);
    assert.deepEqual(layerVerdictsFromHeaders(Buffer.from('not a message at all')), []);
  });
});
