import { addDays, type IsoDate } from '../../time/dates.js';
import { growthPerDay, LEVEL_DAYS, recentLevel, referenceLevel } from './level.js';
import { monthlyRecurrence } from './monthly.js';
import { DEFAULT_MODEL, historyBefore, type DailySeries, type ModelOptions, weekdayOf } from './series.js';
import { median } from './stats.js';
import { FLAT_WEEK, weekdayFactors, type WeekdayFactors } from './weekday.js';

/** Below two whole weeks a series has no trusted rhythm: it is compared with the median of its last days. */
const SHORT_HISTORY_DAYS = 14;
/** How far ahead of the recent level's centre (4 days back) the judged day is. */
const DAYS_AHEAD = (LEVEL_DAYS + 1) / 2;

/** `new`: no history at all (a new service: any spend is "new spend"). `short`: under 2 weeks. */
export type ExpectedBasis = 'new' | 'short' | 'seasonal';

export interface Expected {
  readonly date: IsoDate;
  /** What the series was expected to spend on `date`. */
  readonly amount: number;
  readonly basis: ExpectedBasis;
  /** Weekday-neutral daily level of the last week, before growth. */
  readonly level: number;
  readonly weekdayFactor: number;
  /** Growth per day applied from the last week's level (a fraction, ±0.01 at most). */
  readonly growthPerDay: number;
  /** Amount that posts on this day of the month on top of the daily spend (0 when none). */
  readonly monthlyExtra: number;
  /** Weekday-neutral level of the week that ended `driftLagDays` before: what drift is measured from. */
  readonly referenceLevel: number | undefined;
  readonly historyDays: number;
}

/**
 * The amount a series is expected to spend on `date`, learned only from the days before it:
 * its last week's weekday-neutral median level, grown by its damped trend, shaped by its weekday
 * rhythm, plus what recurs on that day of the month. Every figure is a median, so spikes in the
 * history (including the episode being judged) barely move it.
 */
export function expectedSpend(series: DailySeries, date: IsoDate, options: ModelOptions = DEFAULT_MODEL): Expected {
  return expectedWithRhythm(series, date, options).expected;
}

/** The expectation and the weekday rhythm it used, for judgements that need the rhythm again (drift). */
export function expectedWithRhythm(
  series: DailySeries,
  date: IsoDate,
  options: ModelOptions,
): { expected: Expected; factors: WeekdayFactors } {
  const history = historyBefore(series, date, options.historyDays);
  const base = { date, monthlyExtra: 0, growthPerDay: 0, weekdayFactor: 1, referenceLevel: undefined, historyDays: history.length };
  if (history.length === 0) return { expected: { ...base, amount: 0, level: 0, basis: 'new' }, factors: FLAT_WEEK };
  if (history.length < SHORT_HISTORY_DAYS) {
    const level = median(history.slice(-7).map(series.amountOn))!;
    return { expected: { ...base, amount: level, level, basis: 'short' }, factors: FLAT_WEEK };
  }
  const factors = weekdayFactors(series, date, options.historyDays);
  const level = recentLevel(series, date, factors) ?? 0;
  const reference = referenceLevel(series, date, factors, options.driftLagDays);
  const growth = growthPerDay(level, reference, options.driftLagDays);
  const weekdayFactor = factors[weekdayOf(date)]!;
  const historyStart = addDays(date, -options.historyDays);
  const monthlyExtra = monthlyRecurrence(series, date, factors, historyStart)?.extra ?? 0;
  const amount = level * (1 + growth) ** DAYS_AHEAD * weekdayFactor + monthlyExtra;
  const expected: Expected = {
    ...base,
    amount,
    basis: 'seasonal',
    level,
    weekdayFactor,
    growthPerDay: growth,
    monthlyExtra,
    referenceLevel: reference,
  };
  return { expected, factors };
}
