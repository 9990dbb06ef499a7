import { VERDICT_CLASSES } from '../../core/verdict.ts';

/** Schema pieces every resource shares; the OpenAPI document is built from these. */

export const errorSchema = {
  type: 'object',
  description: 'Every error has this shape; `code` is stable, `message` is for people.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

/** Responses every authenticated route may give, plus the ones named. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorSchema> {
  const all = [400, 401, 403, ...statuses];
  return Object.fromEntries([...new Set(all)].sort().map((status) => [status, errorSchema]));
}

export const uuid = { type: 'string', format: 'uuid' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;

export const verdictClass = { type: 'string', enum: [...VERDICT_CLASSES] } as const;

export function idParams(name: string, description: string) {
  return {
    type: 'object',
    required: [name],
    properties: { [name]: { ...uuid, description } },
    additionalProperties: false,
  } as const;
}

export const pageQueryProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 500, description: 'Page size (default 50).' },
  cursor: { type: 'string', maxLength: 512, description: 'The `nextCursor` of the previous page.' },
} as const;

export const timeRangeProperties = {
  since: { ...dateTime, description: 'At or after this time.' },
  until: { ...dateTime, description: 'Before this time.' },
} as const;

export function pageOf(item: object) {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: item },
      nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
    },
  } as const;
}

/** Optional ISO time strings from a validated query, as dates. */
export function toDate(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}
