/**
 * Bounded counters that keep a profile's memory fixed however long a tenant's history grows.
 *
 * - `TopCounts`: counts per key, at most `capacity` keys. A new key on a full table replaces the
 *   smallest count and starts from it (the Space-Saving scheme of Metwally et al.), so frequent
 *   keys are never lost and a one-off key cannot push out an established one.
 * - Hour histograms: 24 counts that are halved when they reach a ceiling, so old habits fade
 *   (a decayed counter) and the numbers stay small.
 */

export type CountEntries = Array<[string, number]>;

export class TopCounts {
  readonly capacity: number;
  readonly #counts: Map<string, number>;

  constructor(capacity: number, entries: CountEntries = []) {
    this.capacity = capacity;
    this.#counts = new Map(entries.slice(0, capacity));
  }

  add(key: string, by = 1): void {
    if (!key) return;
    const current = this.#counts.get(key);
    if (current !== undefined) {
      this.#counts.set(key, current + by);
      return;
    }
    if (this.#counts.size < this.capacity) {
      this.#counts.set(key, by);
      return;
    }
    let minKey = '';
    let min = Number.POSITIVE_INFINITY;
    for (const [k, v] of this.#counts) {
      if (v < min) {
        min = v;
        minKey = k;
      }
    }
    this.#counts.delete(minKey);
    this.#counts.set(key, min + by);
  }

  get(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  has(key: string): boolean {
    return this.#counts.has(key);
  }

  get size(): number {
    return this.#counts.size;
  }

  /** The most frequent keys first, for evidence and explanations. */
  top(n: number): CountEntries {
    return [...this.#counts].sort((a, b) => b[1] - a[1]).slice(0, n);
  }

  keys(): IterableIterator<string> {
    return this.#counts.keys();
  }

  delete(key: string): void {
    this.#counts.delete(key);
  }

  toJSON(): CountEntries {
    return [...this.#counts];
  }
}

const HOUR_CEILING = 4096;

export function emptyHours(): number[] {
  return new Array<number>(24).fill(0);
}

/** Counts one message at `hour`; halves all counts at the ceiling so recent habits weigh more. */
export function addHour(hours: number[], hour: number): void {
  hours[hour] += 1;
  if (hours[hour] >= HOUR_CEILING) for (let h = 0; h < 24; h++) hours[h] = Math.floor(hours[h] / 2);
}

/** Share of history within one hour either side of `hour` (a habit of 08:55 covers 09:10). */
export function hourShare(hours: readonly number[], hour: number): number {
  let total = 0;
  for (const n of hours) total += n;
  if (total === 0) return 0;
  const near = hours[(hour + 23) % 24] + hours[hour] + hours[(hour + 1) % 24];
  return near / total;
}

export function hourTotal(hours: readonly number[]): number {
  let total = 0;
  for (const n of hours) total += n;
  return total;
}
