/**
 * Catches prose in the html that the reader does not see: hidden with display:none,
 * visibility, opacity, a tiny font, a zero-size box, off-screen positioning, clipping, the
 * `hidden` attribute, or text painted in the background's colour. An assistant summarising
 * the mailbox reads it all the same, and filters that score words are fooled by it.
 *
 * Example threat: a "shared document" lure whose white-on-white paragraph speaks to the
 * recipient's assistant, or a phish padded with 2,000 hidden words of news "salad" to look
 * like ham to a content filter.
 *
 * Known false positives: newsletters hide a preheader (set aside when short and at the top)
 * and duplicate blocks for mobile or Outlook (those shown again by `@media` are set aside);
 * some templates still hide a few words, which is why PI_HIDDEN_TEXT weighs little.
 */
import { clipEvidence, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { hiddenProseRuns, wordCount } from './hidden-prose.ts';
import { hiddenTextOf } from './html-visibility.ts';

/** Hidden prose worth a mention: a few sentences, not the stray link label of an image cell set to font-size:0. */
const MIN_HIDDEN_WORDS = 12;
/** Hidden word counts this large are filler meant for a machine, not a leftover. */
const BULK_HIDDEN_WORDS = 120;

export const hiddenTextDetector: Detector = {
  id: 'prompt-injection.hidden-text',
  stage: 'analyze',
  signals: [
    {
      id: 'PI_HIDDEN_TEXT',
      group: 'prompt_injection',
      weight: 1,
      indicates: 'phish',
      description:
        'The html contains prose that is hidden from the reader (CSS, attributes or same-colour text) beyond a newsletter preheader.',
    },
    {
      id: 'PI_HIDDEN_TEXT_BULK',
      group: 'prompt_injection',
      weight: 2,
      indicates: 'phish',
      description:
        'The html hides a large amount of text from the reader, typical of filler meant to mislead content filters or assistants.',
    },
  ],
  run(ctx) {
    const runs = hiddenProseRuns(hiddenTextOf(ctx));
    const words = runs.reduce((sum, run) => sum + wordCount(run.text), 0);
    if (words < MIN_HIDDEN_WORDS) return [];
    const evidence = runs.slice(0, 3).map((run) => clipEvidence(`${run.reason}: ${run.text}`, 120));
    const hits: SignalHit[] = [{ id: 'PI_HIDDEN_TEXT', evidence }];
    if (words >= BULK_HIDDEN_WORDS)
      hits.push({ id: 'PI_HIDDEN_TEXT_BULK', evidence: [`${words} hidden words in ${runs.length} place(s)`] });
    return hits;
  },
};
