import { addDays, type IsoDate } from '../../time/dates.js';
import { type DailySeries, weekdayOf } from './series.js';
import { median } from './stats.js';

/** Index 0 = Sunday: each weekday's spend relative to its week's median. */
export type WeekdayFactors = readonly number[];

export const FLAT_WEEK: WeekdayFactors = [1, 1, 1, 1, 1, 1, 1];
/** Fewer whole weeks than this and the rhythm is not trusted: a flat week is assumed. */
const MIN_WEEKS = 2;

/**
 * Learns the weekly rhythm from whole weeks before `date` (each holds every weekday once, so
 * its median is not tilted by weekends): for each weekday, the median over weeks of the day's
 * amount divided by its week's median. Medians again, so one spike in one week changes nothing.
 */
export function weekdayFactors(series: DailySeries, date: IsoDate, historyDays: number): WeekdayFactors {
  const ratios: number[][] = [[], [], [], [], [], [], []];
  let weeks = 0;
  for (let k = 1; 7 * k <= historyDays; k++) {
    const start = addDays(date, -7 * k);
    if (start < series.from) break;
    const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
    const amounts = days.map(series.amountOn);
    const mid = median(amounts)!;
    if (mid <= 0) continue;
    weeks++;
    days.forEach((d, i) => ratios[weekdayOf(d)]!.push(amounts[i]! / mid));
  }
  if (weeks < MIN_WEEKS) return FLAT_WEEK;
  return ratios.map((r) => median(r) ?? 1);
}

/** Spend on `date` as if every weekday weighed the same; undefined on a weekday that normally costs (almost) nothing. */
export function deseasonalised(series: DailySeries, date: IsoDate, factors: WeekdayFactors): number | undefined {
  const f = factors[weekdayOf(date)]!;
  return f < 0.05 ? undefined : series.amountOn(date) / f;
}

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weekdayName = (date: IsoDate): string => NAMES[weekdayOf(date)]!;
