/**
 * Builders for attachment test inputs: messages with base64 parts, zips, a harmless PE stub
 * and minimal PDFs. Test support only; nothing here is malware, only the headers that make
 * files recognisable.
 */
import { zipSync } from 'fflate';

export interface FixturePart {
  filename: string;
  contentType: string;
  content: Uint8Array | string;
  disposition?: 'attachment' | 'inline';
}

export interface FixtureMessage {
  subject?: string;
  from?: string;
  body?: string;
  parts: FixturePart[];
}

export function messageWith(message: FixtureMessage): string {
  const boundary = '=_mailward_fixture_boundary';
  const lines = [
    `From: ${message.from ?? 'Accounts Team <accounts@supplier.example.net>'}`,
    'To: Dana Reyes <dana.reyes@example.com>',
    `Subject: ${message.subject ?? 'Documents for your review'}`,
    'Date: Mon, 02 Nov 2026 09:12:44 +0000',
    'Message-ID: <fixture.attachments@supplier.example.net>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    message.body ?? 'Hello Dana,\n\nplease find the documents attached.\n\nKind regards,\nAccounts Team',
  ];
  for (const part of message.parts) {
    const bytes = typeof part.content === 'string' ? new TextEncoder().encode(part.content) : part.content;
    const name = encodeFilename(part.filename);
    lines.push(
      `--${boundary}`,
      `Content-Type: ${part.contentType}; ${name.replace('filename', 'name')}`,
      `Content-Disposition: ${part.disposition ?? 'attachment'}; ${name}`,
      'Content-Transfer-Encoding: base64',
      '',
      ...(Buffer.from(bytes)
        .toString('base64')
        .match(/.{1,76}/g) ?? []),
    );
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\r\n');
}

/** RFC 2231 for names outside ASCII (such as those with direction controls). */
function encodeFilename(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `filename="${name}"`;
  return `filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `MZ`, a DOS header pointing at `PE\0\0` and a machine field: typed as a Windows program, does nothing. */
export function peStub(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]);
  bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 0x4e);
  bytes[0x3c] = 0x80;
  bytes.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80);
  return bytes;
}

export function zipOf(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  }
  // A fixed timestamp keeps generated fixtures byte-identical from run to run.
  return zipSync(entries, { mtime: new Date('2026-11-02T09:00:00Z') });
}

/** Sets the "encrypted" general-purpose flag on every member (local and central headers), as an encrypting zipper would. */
export function markZipEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
    if (signature === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
  }
  return out;
}

/** A one-page PDF whose catalog carries the given extra entries (e.g. `/OpenAction 5 0 R`). */
export function minimalPdf(options: { catalog?: string; objects?: string[]; text?: string } = {}): string {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    streamObject(`BT /F1 12 Tf 72 770 Td (${options.text ?? 'Invoice 2026-1187'}) Tj ET`),
    ...(options.objects ?? []),
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  return `${body}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}
