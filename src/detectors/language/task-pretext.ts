/**
 * Catches: the first message of executive impersonation - "are you available?", "I need a
 * quick favour", "I'm in a meeting and can't take calls", "send me your cell number".
 * Example threat: "Are you at your desk? I need you to handle a task for me discreetly."
 * Known false positives: real colleagues asking the same; short internal mail is where this
 * lives, so it weighs little and is meant for composites with sender impersonation.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { TASK_PRETEXT_PHRASES } from './lexicons/task-pretext.ts';

export const taskPretextDetector = lexiconDetector('language.task-pretext', [
  {
    signal: {
      id: 'LANG_TASK_PRETEXT',
      group: 'language',
      weight: 1.5,
      indicates: 'phish',
      description: 'The message opens like executive impersonation: checking the reader is available for an urgent, quiet favour.',
    },
    phrases: TASK_PRETEXT_PHRASES,
  },
]);
