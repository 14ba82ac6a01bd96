import type { Tags } from './types.js';

/** Tags → the Name tag as an optional `name` field (spread into a finding). */
export const nameOf = (tags: Tags): { name?: string } => (tags.Name ? { name: tags.Name } : {});

const DAY_MS = 86_400_000;

/** Whole and fractional days from an ISO time to now; undefined when the time is unknown or unreadable. */
export function ageDays(iso: string | undefined, now: Date): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : (now.getTime() - t) / DAY_MS;
}

/** Older than `minDays`, measured exactly from now; 0 means any age (even an unknown one). */
export function olderThan(iso: string | undefined, minDays: number, now: Date): boolean {
  if (minDays === 0) return true;
  const age = ageDays(iso, now);
  return age !== undefined && age > minDays;
}

/** True when the resource existed before the metric window began (so "no datapoints" means "no traffic"). */
export function createdBefore(iso: string | undefined, start: Date): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return !Number.isNaN(t) && t < start.getTime();
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
export const GIB = 2 ** 30;
