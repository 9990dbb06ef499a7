/**
 * Delay before the next attempt after `attempt` failed ones: base * 2^(attempt-1), capped.
 * A little jitter (up to 10 %) spreads retries of jobs that failed together, e.g. when a provider
 * was down for a minute; `random` is injectable so tests are exact.
 */
export function backoffDelayMs(attempt: number, options: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  const jitter = raw * 0.1 * random();
  return Math.round(Math.min(options.maxMs, raw + jitter));
}
