import { dateTime, nullableDateTime, pageQueryProperties, timeRangeProperties, uuid, verdictClass } from '../shared/schemas.ts';

/** A stored message's facts (never its body). */
export const messageSchema = {
  type: 'object',
  required: ['id', 'mailboxId', 'from', 'to', 'subject', 'receivedAt', 'sizeBytes', 'sha256', 'verdict'],
  properties: {
    id: uuid,
    mailboxId: uuid,
    providerMessageId: { type: 'string' },
    messageIdHeader: { type: ['string', 'null'] },
    from: { type: 'string' },
    fromName: { type: 'string' },
    to: { type: 'array', items: { type: 'string' } },
    subject: { type: 'string' },
    sentAt: nullableDateTime,
    receivedAt: dateTime,
    sizeBytes: { type: 'integer' },
    sha256: { type: 'string' },
    verdict: {
      type: ['object', 'null'],
      description: 'The latest scan verdict; null until the message is scanned.',
      properties: { class: verdictClass, score: { type: 'number' }, scannedAt: dateTime },
    },
    createdAt: dateTime,
  },
} as const;

const signalSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    group: { type: 'string' },
    indicates: { type: 'string' },
    description: { type: 'string' },
    weight: { type: 'number' },
    factor: { type: 'number' },
    contribution: { type: 'number' },
    evidence: { type: 'array', items: { type: 'string' } },
    detector: { type: 'string' },
  },
} as const;

/** One scan's full report: verdict, the signals that made it with their evidence, detector errors. */
export const scanReportSchema = {
  type: 'object',
  properties: {
    id: uuid,
    messageId: uuid,
    createdAt: dateTime,
    report: {
      type: 'object',
      additionalProperties: true,
      properties: {
        engineVersion: { type: 'string' },
        scannedAt: dateTime,
        verdict: {
          type: 'object',
          properties: { class: verdictClass, score: { type: 'number' }, reasons: { type: 'array', items: { type: 'string' } } },
        },
        signals: { type: 'array', items: signalSchema },
        errors: {
          type: 'array',
          items: { type: 'object', properties: { detector: { type: 'string' }, kind: { type: 'string' }, message: { type: 'string' } } },
        },
        unscannable: { type: 'object', properties: { code: { type: 'string' }, reason: { type: 'string' } } },
        message: { type: 'object', additionalProperties: true },
        timings_ms: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

export const messageListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sender: { type: 'string', minLength: 1, maxLength: 320, description: 'Sender address, exact (case-insensitive).' },
    subject: { type: 'string', minLength: 1, maxLength: 200, description: 'Text the subject contains (case-insensitive).' },
    verdict: {
      type: 'array',
      items: { type: 'string', enum: [...verdictClass.enum, 'unscanned'] },
      description: 'Latest verdict class; repeat for several.',
    },
    mailboxId: uuid,
    ...timeRangeProperties,
    ...pageQueryProperties,
  },
} as const;

export interface MessageListQuery {
  sender?: string;
  subject?: string;
  verdict?: (typeof messageListQuery.properties.verdict.items.enum)[number][];
  mailboxId?: string;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

export const uploadQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { mailboxId: { ...uuid, description: 'A mailbox of the tenant; default: the tenant journal and upload mailbox.' } },
} as const;

export const uploadAccepted = {
  type: 'object',
  required: ['messageId', 'created'],
  properties: {
    messageId: uuid,
    created: { type: 'boolean', description: 'False when the same message was uploaded before.' },
  },
} as const;
