/**
 * Failed console logins per email and per client address, in memory: after `limit` failures in
 * the window, further attempts are refused until the oldest failure ages out. Slows password
 * guessing against one account and from one address; a success clears the email's count.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(limit = 10, windowMs = 15 * 60 * 1000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Seconds until another attempt is allowed for any of these keys; 0 when allowed now. */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (recent.length >= this.#limit) wait = Math.max(wait, Math.ceil((recent[0] + this.#windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
    // Bounded memory: forget the oldest keys when very many addresses are guessed at.
    if (this.#failures.size > 100_000) this.#failures.delete(this.#failures.keys().next().value!);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => now - at < this.#windowMs);
  }
}
