import { addDays, dayRange, type IsoDate } from '../../time/dates.js';
import type { DailySeries } from './series.js';
import { clamp, median } from './stats.js';
import { deseasonalised, type WeekdayFactors } from './weekday.js';

/** Growth beyond this many percent a day is not extrapolated: that is for drift to judge, not to excuse. */
const MAX_GROWTH_PER_DAY = 0.01;

/** Median weekday-neutral spend over the covered days among `days`; undefined when fewer than `minDays` count. */
export function levelOver(series: DailySeries, days: readonly IsoDate[], factors: WeekdayFactors, minDays = 1): number | undefined {
  const values = days
    .filter((d) => d >= series.from)
    .map((d) => deseasonalised(series, d, factors))
    .filter((v): v is number => v !== undefined);
  return values.length >= minDays ? median(values) : undefined;
}

/** Days the recent level is the median of: one of each weekday. */
export const LEVEL_DAYS = 7;
/** The level of the week before `date`: a level shift becomes the new normal once it holds for 4 of its days. */
export function recentLevel(series: DailySeries, date: IsoDate, factors: WeekdayFactors): number | undefined {
  return levelOver(series, dayRange(addDays(date, -LEVEL_DAYS), addDays(date, -1)), factors);
}

/** The level of the week that ended `lagDays` before `date`, when at least 5 of its days are covered. */
export function referenceLevel(series: DailySeries, date: IsoDate, factors: WeekdayFactors, lagDays: number): number | undefined {
  return levelOver(series, dayRange(addDays(date, -lagDays - 6), addDays(date, -lagDays)), factors, 5);
}

/**
 * Daily growth from the reference week to the last week, damped to ±1 % a day. The recent level is
 * centred 4 days before `date`, the reference `lagDays + 3`: their distance is `lagDays - 1`.
 */
export function growthPerDay(recent: number | undefined, reference: number | undefined, lagDays: number): number {
  if (!recent || !reference || recent <= 0 || reference <= 0) return 0;
  return clamp((recent / reference) ** (1 / (lagDays - 1)) - 1, -MAX_GROWTH_PER_DAY, MAX_GROWTH_PER_DAY);
}
