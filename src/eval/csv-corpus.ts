import { parse } from 'csv-parse/sync';

/**
 * Text-only corpora (e.g. generated business-email-compromise sets) come as CSV with `subject`
 * and `body` columns. Each row becomes a minimal RFC 822 message so the whole engine can read it;
 * the envelope is synthetic (example.net sender, example.com recipient) and carries no signal of
 * its own. Rows labelled anything but `positive` (in a `Human` or `label` column) are left out,
 * so a threat set holds only rows its authors judged to be threats.
 */
export function csvMessages(text: string): Uint8Array[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<
    Record<string, string>
  >;
  if (rows.length === 0 || !('subject' in rows[0]) || !('body' in rows[0])) return [];
  const out: Uint8Array[] = [];
  rows.forEach((row, i) => {
    const label = (row.Human ?? row.label ?? 'positive').trim().toLowerCase();
    if (label !== 'positive') return;
    const subject = row.subject.replace(/[\r\n]+/g, ' ').trim();
    const body = row.body.replace(/\r?\n/g, '\r\n');
    const headers = [
      'From: Sender <sender@example.net>',
      'To: recipient@example.com',
      `Subject: ${/^[\x20-\x7e]*$/.test(subject) ? subject : `=?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`}`,
      'Date: Mon, 5 Dec 2016 09:30:00 +0000',
      `Message-ID: <row-${i}@example.net>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    out.push(new TextEncoder().encode(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`));
  });
  return out;
}
