import { ApiError } from '../errors/api-error.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

/** A dashboard time range from the query: the last 30 days by default, at most a year. */
export function resolveRange(query: { since?: string; until?: string }, now: Date): { since: Date; until: Date } {
  const until = query.until ? new Date(query.until) : now;
  const since = query.since ? new Date(query.since) : new Date(until.getTime() - DEFAULT_DAYS * DAY_MS);
  if (since >= until) throw new ApiError(400, 'VALIDATION_FAILED', 'since must be before until');
  if (until.getTime() - since.getTime() > MAX_DAYS * DAY_MS) {
    throw new ApiError(400, 'VALIDATION_FAILED', `the range may span at most ${MAX_DAYS} days`);
  }
  return { since, until };
}
