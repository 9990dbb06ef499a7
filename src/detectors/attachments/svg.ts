/**
 * SVG images that carry active content: `<script>`, `<foreignObject>` (embedded HTML, often a
 * login form), event handlers such as `onload`, or `javascript:` links. An SVG opened from a
 * mail attachment runs in the browser like a web page.
 *
 * Example threat: `Voicemail_0412.svg` whose `onload` handler decodes a redirect to a
 * Microsoft 365 credential page.
 *
 * Known false positives: interactive charts exported with scripts (rare in mail); logos and
 * icons from design tools are static and stay quiet.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, fileEvidence, textOf } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_SVG_ACTIVE_CONTENT',
    group: 'attachments',
    weight: 6,
    indicates: 'phish',
    description: 'An attached SVG image contains script, embedded HTML or event handlers that run when it is opened.',
  },
] as const satisfies readonly SignalDefinition[];

const ACTIVE_CONTENT: [string, RegExp][] = [
  ['script', /<script\b/i],
  ['foreignObject', /<foreignObject\b/i],
  ['event handler', /<[a-z][^>]*\son[a-z]{3,}\s*=/i],
  ['javascript: link', /href\s*=\s*["']\s*javascript:/i],
];

export const svgDetector: Detector = {
  id: 'attachments.svg',
  stage: 'analyze',
  signals,
  run(ctx) {
    const evidence: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      if (attachment.detectedType?.ext !== 'svg') continue;
      const text = textOf(ctx, attachment);
      const found = ACTIVE_CONTENT.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
      if (found.length > 0) evidence.push(fileEvidence(`${attachment.path}: ${found.join(', ')}`));
    }
    return evidence.length > 0 ? ([{ id: 'ATT_SVG_ACTIVE_CONTENT', evidence: evidence.slice(0, 5) }] satisfies SignalHit[]) : [];
  },
};
