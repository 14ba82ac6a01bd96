import { addDays, addMonths, daysInMonth, monthOf, type IsoDate } from '../../time/dates.js';
import type { DailySeries } from './series.js';
import { levelOver } from './level.js';
import { weekdayOf } from './series.js';
import type { WeekdayFactors } from './weekday.js';

/** An excess smaller than this share of the day's expected spend is noise, not a monthly posting. */
const MIN_EXCESS_SHARE = 0.1;
const MONTHS_BACK = 3;

export interface MonthlyRecurrence {
  /** What posts on this day of the month on top of the usual daily spend. */
  readonly extra: number;
  /** The earlier days it was seen on. */
  readonly seenOn: readonly IsoDate[];
}

/** The same day of the month in an earlier month; undefined when that month is too short (no 31st in June). */
function sameDayInMonth(date: IsoDate, monthsBack: number): IsoDate | undefined {
  const month = addMonths(monthOf(date), -monthsBack);
  const day = Number(date.slice(8, 10));
  return day <= daysInMonth(month) ? `${month}-${date.slice(8, 10)}` : undefined;
}

/**
 * Amounts that post on one day of the month (hosted zones on the 1st, a monthly licence):
 * the same day in each earlier month the history covers stood above its neighbours, every time.
 * Every earlier month the history covers must show it (two with the default history), so a one-off
 * spike never becomes "expected".
 * The smallest excess seen is what is expected again.
 */
export function monthlyRecurrence(
  series: DailySeries,
  date: IsoDate,
  factors: WeekdayFactors,
  historyStart: IsoDate,
): MonthlyRecurrence | undefined {
  const excesses: number[] = [];
  const seenOn: IsoDate[] = [];
  let checked = 0;
  for (let back = 1; back <= MONTHS_BACK; back++) {
    const day = sameDayInMonth(date, back);
    if (!day || day < historyStart || day < series.from) continue;
    const neighbours = [-3, -2, -1, 1, 2, 3].map((n) => addDays(day, n)).filter((d) => d >= historyStart && d < date);
    const level = levelOver(series, neighbours, factors, 3);
    if (level === undefined) continue;
    checked++;
    const expected = level * factors[weekdayOf(day)]!;
    const excess = series.amountOn(day) - expected;
    if (excess <= 0 || excess < MIN_EXCESS_SHARE * expected) return undefined;
    excesses.push(excess);
    seenOn.push(day);
  }
  // Reaching here, every month that could be checked showed it: two or three with the default history.
  if (checked === 0) return undefined;
  return { extra: Math.min(...excesses), seenOn };
}
