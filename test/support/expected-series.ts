import { seriesFromMap, type DailySeries } from '../../shared/detect/expected/index.js';
import { addDays, dayRange, type IsoDate } from '../../shared/time/dates.js';

export const RULES = { warningPct: 20, criticalPct: 50, minDelta: 10 };

/** A series covering `from` … `to`, each day's amount given by `amount` (index 0 = `from`). */
export function seriesOf(from: IsoDate, to: IsoDate, amount: (date: IsoDate, index: number) => number): DailySeries {
  return seriesFromMap(new Map(dayRange(from, to).map((d, i) => [d, amount(d, i)])), from);
}

export const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: IsoDate) => [0, 6].includes(weekday(date));
/** Deterministic ±`pct` noise, so tests do not depend on a random seed. */
export const wobble = (i: number, pct: number) => 1 + (pct / 100) * Math.sin(i * 2.39996);
export const day = (from: IsoDate, n: number) => addDays(from, n);
