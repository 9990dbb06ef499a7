/**
 * Builds raw messages for the sender detector tests: every header a test does not mention gets an
 * ordinary, consistent value, so each test states only the header it is about.
 * `null` leaves a header out.
 */
export interface TestHeaders {
  from?: string | null;
  to?: string | null;
  cc?: string;
  replyTo?: string;
  returnPath?: string | null;
  messageId?: string | null;
  date?: string | null;
  received?: string | null;
  subject?: string;
  extra?: string[];
}

export const DEFAULT_HEADERS = {
  from: '"Alice Martin" <alice.martin@fabrikam.com>',
  to: '"Bob Stone" <bob.stone@contoso.com>',
  returnPath: '<alice.martin@fabrikam.com>',
  messageId: '<20261102094500.4821@mail.fabrikam.com>',
  date: 'Mon, 02 Nov 2026 09:45:00 +0000',
  received: 'from mail.fabrikam.com (mail.fabrikam.com [192.0.2.10]) by mx.contoso.com; Mon, 02 Nov 2026 09:45:03 +0000',
  subject: 'Quarterly figures',
};

export function testMessage(headers: TestHeaders = {}, body = 'Hello Bob,\r\n\r\nThe figures are attached.\r\n\r\nAlice\r\n'): string {
  const value = <K extends keyof typeof DEFAULT_HEADERS>(key: K): string | null =>
    headers[key] === undefined ? DEFAULT_HEADERS[key] : (headers[key] as string | null);
  const lines: string[] = [];
  const add = (name: string, v: string | null | undefined) => {
    if (v !== null && v !== undefined) lines.push(`${name}: ${v}`);
  };
  add('Return-Path', value('returnPath'));
  add('Received', value('received'));
  add('From', value('from'));
  add('To', value('to'));
  add('Cc', headers.cc);
  add('Reply-To', headers.replyTo);
  add('Subject', headers.subject ?? DEFAULT_HEADERS.subject);
  add('Date', value('date'));
  add('Message-ID', value('messageId'));
  lines.push(...(headers.extra ?? []));
  lines.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
