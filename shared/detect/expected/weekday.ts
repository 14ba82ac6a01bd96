import { addDays, daysBetween, type IsoDate } from '../../time/dates.js';
import { type DailySeries, weekdayOf } from './series.js';
import { median } from './stats.js';

/** Index 0 = Sunday: each weekday's spend relative to the median of the week around it. */
export type WeekdayFactors = readonly number[];

export const FLAT_WEEK: WeekdayFactors = [1, 1, 1, 1, 1, 1, 1];
/** Fewer samples of a weekday than this and the rhythm is not trusted: a flat week is assumed. */
const MIN_SAMPLES = 2;

/**
 * Learns the weekly rhythm from the history before `date`: each day's amount divided by the median
 * of the 7 days centred on it (one of each weekday, so weekends do not tilt it, and centred, so
 * growth does not bias one weekday against another); per weekday, the median of those ratios.
 * Medians again, so one spike in one week changes nothing.
 */
export function weekdayFactors(series: DailySeries, date: IsoDate, historyDays: number): WeekdayFactors {
  const first = [series.from, addDays(date, -historyDays)].sort()[1]!;
  const span = daysBetween(first, date);
  if (span < 7) return FLAT_WEEK;
  // amounts[i] is the spend `span - i` days before `date`, so amounts[0] is `first`.
  const amounts = Array.from({ length: span }, (_, i) => series.amountOn(addDays(first, i)));
  const firstWeekday = weekdayOf(first);
  const ratios: number[][] = [[], [], [], [], [], [], []];
  for (let i = 3; i + 3 < span; i++) {
    const mid = median(amounts.slice(i - 3, i + 4))!;
    if (mid > 0) ratios[(firstWeekday + i) % 7]!.push(amounts[i]! / mid);
  }
  if (ratios.some((r) => r.length < MIN_SAMPLES)) return FLAT_WEEK;
  return ratios.map((r) => median(r)!);
}

/** Spend on `date` as if every weekday weighed the same; undefined on a weekday that normally costs (almost) nothing. */
export function deseasonalised(series: DailySeries, date: IsoDate, factors: WeekdayFactors): number | undefined {
  const f = factors[weekdayOf(date)]!;
  return f < 0.05 ? undefined : series.amountOn(date) / f;
}

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weekdayName = (date: IsoDate): string => NAMES[weekdayOf(date)]!;
