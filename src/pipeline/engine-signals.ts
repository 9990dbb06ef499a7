import type { SignalDefinition } from '../core/signal.ts';

/**
 * Signals the engine itself emits (not a detector): the message could not be read, or a
 * tenant policy decided about the sender before analysis.
 */
export const ENGINE_SIGNALS = {
  unparseable: {
    id: 'MIME_UNPARSEABLE',
    group: 'mime',
    weight: 5,
    indicates: 'phish',
    description: 'The message could not be read as email, so it could not be checked; review it by hand',
  },
  limitExceeded: {
    id: 'MIME_LIMIT_EXCEEDED',
    group: 'mime',
    weight: 2,
    indicates: 'none',
    description: 'The message is larger or more deeply nested than the scanner reads, so parts of it were not checked',
  },
  senderAllowed: {
    id: 'POLICY_SENDER_ALLOWED',
    group: 'policy',
    weight: -10,
    indicates: 'none',
    description: "The sender is on this organisation's allow list",
  },
  senderBlocked: {
    id: 'POLICY_SENDER_BLOCKED',
    group: 'policy',
    weight: 20,
    indicates: 'spam',
    description: "The sender is on this organisation's block list",
  },
} as const satisfies Record<string, SignalDefinition>;
