/**
 * MIME structure: the shape of the message rather than its words.
 * Catches: html-only messages with no plain-text alternative (typical of phishing kits and
 * bulk tools), messages whose only content is an attachment, and parser anomalies (attached
 * messages that do not parse, truncated html).
 * Example threat: an empty-bodied "Invoice" carrying only an HTML attachment.
 * Known false positives: many marketing senders also send html only, so that signal is weak.
 */
import { clipEvidence } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';

const TEXT_PLAIN = /^content-type:[ \t]*text\/plain/im;
const ANY_CONTENT_TYPE = /^content-type:/im;

export const mimeStructure: Detector = {
  id: 'mime.structure',
  stage: 'analyze',
  signals: [
    {
      id: 'MIME_HTML_ONLY',
      group: 'mime',
      weight: 0.5,
      indicates: 'spam',
      description: 'The message has an html body and no plain-text version',
    },
    {
      id: 'MIME_ATTACHMENT_ONLY',
      group: 'mime',
      weight: 1.5,
      indicates: 'phish',
      description: 'The message has (almost) no text of its own: its content is an attachment',
    },
    {
      id: 'MIME_ANOMALY',
      group: 'mime',
      weight: 1,
      indicates: 'none',
      description: 'The message structure is malformed in ways mail clients tolerate but ordinary senders avoid',
    },
  ],
  run(ctx) {
    const { message } = ctx;
    const hits = [];
    if (message.html) {
      const head = Buffer.from(ctx.raw.buffer, ctx.raw.byteOffset, Math.min(ctx.raw.byteLength, 200_000)).toString('latin1');
      if (ANY_CONTENT_TYPE.test(head) && !TEXT_PLAIN.test(head)) hits.push({ id: 'MIME_HTML_ONLY', evidence: ['no text/plain part'] });
    }
    const files = message.attachments.filter((a) => a.depth === 0 && a.disposition !== 'inline' && !a.contentId);
    if (files.length > 0 && message.text.trim().length < 20) {
      hits.push({ id: 'MIME_ATTACHMENT_ONLY', evidence: files.slice(0, 3).map((a) => clipEvidence(a.filename || a.declaredType, 60)) });
    }
    if (message.anomalies.length > 0) {
      hits.push({ id: 'MIME_ANOMALY', evidence: message.anomalies.slice(0, 3).map((a) => clipEvidence(a)) });
    }
    return hits;
  },
};
