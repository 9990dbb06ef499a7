import { simpleParser } from 'mailparser';

/** How many attached messages one report may carry; more is not a report, it is a mail dump. */
const MAX_REPORTED = 10;

export interface ReportMail {
  /** The reporting user's address (the report's From). */
  reporter: string;
  subject: string;
  /** Raw bytes of each message forwarded as an attachment (message/rfc822, or an .eml file). */
  reported: Uint8Array[];
}

/**
 * Reads a report sent to the report mailbox: a user forwards the suspicious message "as an
 * attachment", which mail clients send as a message/rfc822 part (some attach an .eml file).
 */
export async function readReportMail(raw: Uint8Array): Promise<ReportMail> {
  const parsed = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const reported: Uint8Array[] = [];
  for (const attachment of parsed.attachments) {
    if (reported.length >= MAX_REPORTED) break;
    const type = attachment.contentType.toLowerCase();
    const isMessage = type === 'message/rfc822' || type === 'message/global' || /\.eml$/i.test(attachment.filename ?? '');
    if (isMessage && attachment.content.length > 0) reported.push(new Uint8Array(attachment.content));
  }
  const from = parsed.from?.value[0]?.address ?? '';
  return { reporter: from.toLowerCase(), subject: parsed.subject ?? '', reported };
}
