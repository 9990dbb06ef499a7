/**
 * PDFs that act instead of just showing pages: JavaScript, launching programs, automatic
 * actions on open, embedded files, form submission to a web host, and short documents whose
 * point is a link. Reads raw bytes and inflated object streams (see pdf-content.ts).
 *
 * Example threat: a one-page "Secure Document" PDF with a single button linking to a
 * credential page; a PDF whose /OpenAction runs JavaScript or /Launch cmd.exe.
 *
 * Known false positives: forms software (fillable PDFs use JavaScript for validation and
 * SubmitForm), e-invoices that embed their XML (ZUGFeRD/Factur-X embed files), and ordinary
 * one-page letters with a web address link (ATT_PDF_LINK stays at weight 1).
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { fileEvidence } from './attachment-facts.ts';
import { pdfFacts } from './pdf-content.ts';

const signals = [
  {
    id: 'ATT_PDF_JAVASCRIPT',
    group: 'attachments',
    weight: 4,
    indicates: 'malware',
    description: 'An attached PDF contains JavaScript.',
  },
  {
    id: 'ATT_PDF_LAUNCH',
    group: 'attachments',
    weight: 7,
    indicates: 'malware',
    description: 'An attached PDF can launch a program or open a file on the computer.',
  },
  {
    id: 'ATT_PDF_AUTO_ACTION',
    group: 'attachments',
    weight: 2,
    indicates: 'malware',
    description: 'An attached PDF runs script or launches something automatically when it is opened.',
  },
  {
    id: 'ATT_PDF_EMBEDDED_FILE',
    group: 'attachments',
    weight: 2,
    indicates: 'malware',
    description: 'An attached PDF carries another file inside it.',
  },
  {
    id: 'ATT_PDF_SUBMIT_FORM',
    group: 'attachments',
    weight: 3,
    indicates: 'phish',
    description: 'An attached PDF has a form that sends what is typed into it to a web address.',
  },
  {
    id: 'ATT_PDF_LINK',
    group: 'attachments',
    weight: 1,
    indicates: 'phish',
    description: 'An attached PDF of one or two pages links to a web site: the document mostly exists to be clicked.',
  },
] as const satisfies readonly SignalDefinition[];

export const pdfDetector: Detector = {
  id: 'attachments.pdf',
  stage: 'analyze',
  signals,
  run(ctx) {
    const found = new Map<string, string[]>();
    const note = (id: string, evidence: string) => {
      const list = found.get(id) ?? [];
      if (list.length < 5) list.push(fileEvidence(evidence));
      found.set(id, list);
    };
    for (const pdf of pdfFacts(ctx)) {
      const path = pdf.attachment.path;
      if (pdf.javascript) note('ATT_PDF_JAVASCRIPT', path);
      if (pdf.launch) note('ATT_PDF_LAUNCH', path);
      if (pdf.autoAction && (pdf.javascript || pdf.launch)) note('ATT_PDF_AUTO_ACTION', path);
      if (pdf.embeddedFile) note('ATT_PDF_EMBEDDED_FILE', path);
      if (pdf.submitForm) note('ATT_PDF_SUBMIT_FORM', path);
      const web = pdf.uris.filter((uri) => /^https?:\/\//i.test(uri));
      if (web.length > 0 && pdf.pages > 0 && pdf.pages <= 2) note('ATT_PDF_LINK', `${path}: ${web[0]}`);
    }
    const hits: SignalHit[] = [];
    for (const [id, evidence] of found) hits.push({ id, evidence });
    return hits;
  },
};
