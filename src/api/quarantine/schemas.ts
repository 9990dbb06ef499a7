import { dateTime, nullableDateTime, pageQueryProperties, timeRangeProperties, uuid, verdictClass } from '../shared/schemas.ts';

const state = { type: 'string', enum: ['quarantined', 'released', 'deleted'] } as const;

export const quarantineItemSchema = {
  type: 'object',
  properties: {
    id: uuid,
    messageId: uuid,
    state,
    reason: { type: 'string' },
    decidedBy: { type: 'string', description: '`system` or the id of the API key or user who decided last.' },
    quarantinedAt: dateTime,
    releasedAt: nullableDateTime,
    deletedAt: nullableDateTime,
    updatedAt: dateTime,
    message: {
      type: 'object',
      properties: {
        from: { type: 'string' },
        subject: { type: 'string' },
        receivedAt: dateTime,
        verdictClass: { ...verdictClass, type: ['string', 'null'], enum: [...verdictClass.enum, null] },
        score: { type: ['number', 'null'] },
      },
    },
  },
} as const;

export const quarantineListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state,
    verdict: verdictClass,
    sender: { type: 'string', minLength: 1, maxLength: 320, description: 'Sender address, exact (case-insensitive).' },
    ...timeRangeProperties,
    ...pageQueryProperties,
  },
} as const;

export interface QuarantineListQuery {
  state?: 'quarantined' | 'released' | 'deleted';
  verdict?: (typeof verdictClass.enum)[number];
  sender?: string;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

const reason = { type: 'string', maxLength: 500, description: 'Why; kept in the audit log.' } as const;

export const decisionBody = { type: 'object', additionalProperties: false, properties: { reason } } as const;

export const bulkDecisionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['messageIds'],
  properties: { messageIds: { type: 'array', items: uuid, minItems: 1, maxItems: 500, uniqueItems: true }, reason },
} as const;

export const decisionOutcomeSchema = {
  type: 'object',
  required: ['messageId', 'state'],
  properties: {
    messageId: uuid,
    state: { type: ['string', 'null'], enum: [...state.enum, null] },
    notThreat: { type: 'object', properties: { id: uuid, kind: { type: 'string' }, value: { type: 'string' } } },
  },
} as const;

export const bulkOutcomeSchema = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      description: 'One result per id, in the order sent; each id succeeds or fails on its own.',
      items: {
        type: 'object',
        required: ['messageId', 'ok'],
        properties: {
          ...decisionOutcomeSchema.properties,
          ok: { type: 'boolean' },
          error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
} as const;
