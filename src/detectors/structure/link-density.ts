/**
 * structure.link-density: the body exists to be clicked rather than read.
 *
 * Catches: an html body whose visible text is nearly all link text ("Click here to verify your
 * account" as one anchor plus a few words, or a list of offers that are each a link).
 * Known false positives: short notifications from services (a shared document, a calendar
 * invitation link) have the same shape; a plain-text part with more words keeps them quiet.
 */
import type { SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { bodyFacts } from './body-facts.ts';

/** Enough visible text to judge a proportion by. */
const MIN_VISIBLE = 20;
const LINK_SHARE = 0.7;

const signals = [
  {
    id: 'STRUCT_LINK_TEXT_DOMINANT',
    group: 'mime',
    weight: 1,
    indicates: 'spam',
    description: 'Nearly all the visible text of the body is link text',
  },
] as const satisfies readonly SignalDefinition[];

export const linkDensityDetector: Detector = {
  id: 'structure.link-density',
  stage: 'analyze',
  signals,
  run(ctx) {
    if (!ctx.message.html) return [];
    const facts = bodyFacts(ctx);
    if (facts.visibleChars < MIN_VISIBLE || facts.anchorChars / facts.visibleChars < LINK_SHARE) return [];
    // A plain-text alternative much longer than the html means the words are there after all.
    if (facts.textChars > 4 * facts.anchorChars) return [];
    const share = Math.round((100 * facts.anchorChars) / facts.visibleChars);
    return [{ id: 'STRUCT_LINK_TEXT_DOMINANT', evidence: [`${share}% of ${facts.visibleChars} visible characters are link text`] }];
  },
};
