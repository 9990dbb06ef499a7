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
        to: { type: 'array', items: { type: 'string' } },
        verdictClass: { ...verdictClass, type: ['string', 'null'], enum: [...verdictClass.enum, null] },
        score: { type: ['number', 'null'] },
      },
    },
    layers: {
      type: 'array',
      description: "Other layers' verdicts on the message (provider, gateway, vendor, user report).",
      items: {
        type: 'object',
        properties: { layer: { type: 'string' }, kind: { type: 'string' }, verdict: { type: 'string' }, caught: { type: 'boolean' } },
      },
    },
  },
} as const;

export const quarantineListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state,
    verdict: { type: 'array', items: verdictClass, maxItems: 6, description: 'Latest verdict class; repeat for several.' },
    layer: {
      type: 'string',
      maxLength: 64,
      description: 'Caught by this layer: `mailward`, a kind (`provider`, `gateway`, `vendor`, `user-report`) or a layer name.',
    },
    sender: { type: 'string', minLength: 1, maxLength: 320, description: 'Sender address, exact (case-insensitive).' },
    senderDomain: { type: 'string', minLength: 1, maxLength: 255, description: 'Sender domain, exact (case-insensitive).' },
    recipient: { type: 'string', minLength: 1, maxLength: 320, description: 'A recipient address, exact (case-insensitive).' },
    q: { type: 'string', minLength: 1, maxLength: 200, description: 'Subject contains (case-insensitive).' },
    sort: { type: 'string', enum: ['newest', 'oldest'], description: 'By quarantine time (default newest).' },
    ...timeRangeProperties,
    ...pageQueryProperties,
  },
} as const;

export interface QuarantineListQuery {
  state?: 'quarantined' | 'released' | 'deleted';
  verdict?: (typeof verdictClass.enum)[number][];
  layer?: string;
  sender?: string;
  senderDomain?: string;
  recipient?: string;
  q?: string;
  sort?: 'newest' | 'oldest';
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
