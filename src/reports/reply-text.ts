import { isFlagged, type VerdictClass } from '../core/verdict.ts';

/**
 * The short answer a reporting user gets, in plain words: what we found and what to do now.
 * It never repeats links or content from the reported message.
 */
export function replyText(input: { subject: string; verdict: VerdictClass; matched: boolean }): string {
  const what = input.subject ? `the message "${clip(input.subject)}"` : 'the message you reported';
  const lines = [`Thank you for reporting ${what}.`, ''];
  if (input.verdict === 'phish' || input.verdict === 'malware') {
    lines.push(
      input.verdict === 'malware'
        ? 'We checked it: it carries malicious software. Do not open its attachments.'
        : 'We checked it: it is a phishing attempt. Do not click its links or reply to it.',
      'Our security team has been told, and the message will be removed from mailboxes.',
    );
  } else if (isFlagged(input.verdict)) {
    lines.push(
      input.verdict === 'spam' ? 'We checked it: it is unwanted bulk mail.' : 'We checked it: it looks suspicious.',
      'An analyst will look at it. Until then, do not click its links or open its attachments.',
    );
  } else {
    lines.push(
      'We checked it and found no clear sign of a threat, but an analyst will still look at it.',
      'If it asks for a password, a payment or a change of bank details, do not act on it: call the sender on a number you already know.',
    );
  }
  if (!input.matched) lines.push('', 'We could not find the original in your mailbox, so we checked the copy you sent.');
  lines.push('', 'Your security team');
  return lines.join('\n');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
