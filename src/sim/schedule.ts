/** Working-time arithmetic: when a person in a given zone plausibly sends mail. */
import type { Random } from './random.ts';

export interface Worker {
  tz: number;
  startHour: number;
  endHour: number;
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** True on Saturday and Sunday in the worker's own zone. */
export function isWeekend(at: number, tz: number): boolean {
  const day = new Date(at + tz * HOUR).getUTCDay();
  return day === 0 || day === 6;
}

/** A moment during the worker's working hours on the (UTC) day starting at `dayStart`. */
export function workMoment(rng: Random, dayStart: number, w: Worker): number {
  const localMinutes = w.startHour * 60 + rng.int(0, (w.endHour - w.startHour) * 60 - 1);
  return dayStart + (localMinutes - w.tz * 60) * 60_000 + rng.int(0, 59) * 1000;
}

/** The first working moment for `w` after `at` plus a human delay (minutes to a day). */
export function nextWorkMoment(rng: Random, at: number, w: Worker): number {
  let t = at + rng.int(10, 60 * 20) * 60_000;
  for (let guard = 0; guard < 10; guard++) {
    const local = new Date(t + w.tz * HOUR);
    const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
    const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
    if (!weekend && hour >= w.startHour && hour < w.endHour) return t;
    const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - w.tz * HOUR;
    const dayStart = hour < w.startHour && !weekend ? localMidnight : localMidnight + DAY;
    t = dayStart + (w.startHour * 60 + rng.int(0, 90)) * 60_000;
  }
  return t;
}
