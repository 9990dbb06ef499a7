import type { HiddenRun, HtmlVisibility } from './html-visibility.ts';

/**
 * Which hidden text counts as hidden *prose*. Three kinds of hiding are ordinary in legitimate
 * mail and are set aside here:
 * - the preheader: one short teaser hidden at the top so the inbox list shows it;
 * - `aria-hidden` blocks: decorative content still visible on screen, hidden only from screen readers;
 * - hidden copies of text that is also shown (desktop/mobile or light/dark variants of a block).
 */

/** A preheader comes first (at most after a "view in browser" line) and is a line, not a page. */
const PREHEADER_MAX_VISIBLE_BEFORE = 80;
const PREHEADER_MAX_CHARS = 500;
const WORD = /\p{L}{2,}/gu;
/** Hidden tracking URLs and addresses are not prose: their letters do not count as words. */
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+/gi;

export function wordCount(text: string): number {
  return text.replace(ADDRESS, ' ').match(WORD)?.length ?? 0;
}

/** Index of the run that is the message's preheader, or -1. */
export function preheaderIndex(runs: readonly HiddenRun[]): number {
  const first = runs.findIndex((run) => run.reason !== 'aria-hidden');
  if (first < 0) return -1;
  const run = runs[first];
  return run.visibleCharsBefore <= PREHEADER_MAX_VISIBLE_BEFORE && run.text.length <= PREHEADER_MAX_CHARS ? first : -1;
}

/** Hidden runs a reader was not meant to see and that are not the preheader, with at least `minWords` words. */
export function hiddenProseRuns(view: HtmlVisibility, minWords = 3): HiddenRun[] {
  const preheader = preheaderIndex(view.hiddenRuns);
  return view.hiddenRuns.filter(
    (run, i) => i !== preheader && run.reason !== 'aria-hidden' && wordCount(run.text) >= minWords && !view.visibleText.includes(run.text),
  );
}
