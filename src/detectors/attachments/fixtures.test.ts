import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { SignalHit } from '../../core/signal.ts';
import { contextFor } from '../../pipeline/testing.ts';
import { attachmentDetectors } from './index.ts';

/** Every attachment signal on one fixture message, by id. */
async function signalsOn(fixture: string): Promise<Map<string, SignalHit>> {
  const raw = readFileSync(new URL(`../../../test/fixtures/attachments/${fixture}`, import.meta.url));
  const ctx = await contextFor(raw);
  const hits = new Map<string, SignalHit>();
  for (const detector of attachmentDetectors) {
    for (const hit of await detector.run(ctx, new AbortController().signal)) hits.set(hit.id, hit);
  }
  return hits;
}

const THREATS: { fixture: string; fires: Record<string, RegExp> }[] = [
  {
    fixture: 'zip-double-extension-exe.eml',
    fires: {
      ATT_EXECUTABLE: /Payment_Advice_0419\.zip\/Payment_Advice_0419\.pdf\[10 spaces\]\.exe \(exe\)/,
      ATT_DOUBLE_EXTENSION: /\.pdf then \.exe/,
    },
  },
  {
    fixture: 'encrypted-zip-password.eml',
    fires: { ATT_ENCRYPTED_ARCHIVE_PASSWORD_IN_BODY: /Invoice_7731\.zip/, ATT_DANGEROUS_NAME_UNCHECKED: /Invoice_7731\.js/ },
  },
  {
    fixture: 'html-credential-page.eml',
    fires: {
      ATT_HTML_CREDENTIAL_FORM: /password field, sent via form to https:\/\/docs-viewer\.example\.net\/next\.php/,
      ATT_HTML_OBFUSCATED: /Remittance_Advice\.pdf\.html/,
      ATT_DOUBLE_EXTENSION: /\.pdf then \.html/,
    },
  },
  { fixture: 'html-smuggling.eml', fires: { ATT_HTML_SMUGGLING: /msSaveOrOpenBlob.*saves Shipment_Documents\.zip/ } },
  { fixture: 'pdf-openaction-javascript.eml', fires: { ATT_PDF_JAVASCRIPT: /Scan_0042\.pdf/, ATT_PDF_AUTO_ACTION: /Scan_0042\.pdf/ } },
  { fixture: 'docm-macro.eml', fires: { ATT_OFFICE_MACRO: /Salary_Review_2026\.docm: word\/vbaProject\.bin/ } },
  { fixture: 'calendar-invite-link.eml', fires: { ATT_CALENDAR_LINK: /payroll-confirm\.example\.net/ } },
  { fixture: 'svg-onload-redirect.eml', fires: { ATT_SVG_ACTIVE_CONTENT: /VoiceMessage_0042\.svg: event handler/ } },
  {
    fixture: 'rtlo-filename.eml',
    fires: {
      ATT_NAME_DIRECTION_OVERRIDE: /PO_5521_<U\+202E>fdp\.exe/,
      ATT_EXECUTABLE: /\(exe\)/,
      ATT_DISGUISED_EXECUTABLE: /declared application\/pdf, is exe/,
    },
  },
];

describe('attachment detectors on threat fixtures', () => {
  for (const { fixture, fires } of THREATS) {
    it(`${fixture}: ${Object.keys(fires).join(', ')}`, async () => {
      const hits = await signalsOn(fixture);
      for (const [id, evidence] of Object.entries(fires)) {
        const hit = hits.get(id);
        assert.ok(hit, `${id} should fire; got ${[...hits.keys()].join(', ') || 'nothing'}`);
        assert.match(hit.evidence.join(' | '), evidence);
      }
    });
  }
});

describe('attachment detectors stay quiet on ordinary business mail', () => {
  for (const fixture of ['pdf-invoice-plain.eml', 'zipped-csv-report.eml', 'calendar-invite-teams.eml']) {
    it(fixture, async () => {
      assert.deepEqual([...(await signalsOn(fixture)).keys()], []);
    });
  }
});
