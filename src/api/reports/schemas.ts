import { dateTime, uuid, verdictClass } from '../shared/schemas.ts';

/** Reported messages are small; a forwarded copy over this (base64) is refused. */
export const MAX_REPORTED_BASE64 = 14 * 1024 * 1024;

export const reportBody = {
  type: 'object',
  additionalProperties: false,
  description: 'Either `messageId` (a stored message of the tenant) or `rawMessage` (the reported email, base64), not both.',
  properties: {
    messageId: { ...uuid, description: 'A stored message the user reported.' },
    rawMessage: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_REPORTED_BASE64,
      contentEncoding: 'base64',
      description: 'The reported email as received, base64.',
    },
    reporter: { type: 'string', minLength: 3, maxLength: 320, description: "The reporting user's address; defaults to the API key." },
  },
} as const;

export const userReportSchema = {
  type: 'object',
  properties: {
    id: uuid,
    channel: { type: 'string', enum: ['api', 'mailbox'] },
    reporter: { type: 'string' },
    messageId: { type: ['string', 'null'], format: 'uuid', description: 'The stored original, when one was found.' },
    matchedBy: { type: 'string', enum: ['id', 'message-id', 'sender-subject-body', 'none'] },
    verdictClass: verdictClass,
    verdictScore: { type: 'number' },
    replyText: { type: 'string', description: 'The answer given to the reporter.' },
    replyStatus: { type: 'string', enum: ['none', 'sent', 'failed'], description: 'Whether the answer was mailed (report mailbox only).' },
    createdAt: dateTime,
  },
} as const;

export const reportListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 500, description: 'How many, newest first (default 100).' } },
} as const;
