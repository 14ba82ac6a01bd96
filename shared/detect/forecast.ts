import { roundCents } from '../money.js';
import { addDays, dayRange, daysBetween, firstDayOfMonth, monthEndExclusive, monthOf, type IsoDate } from '../time/dates.js';

/** Days of run rate the forecast averages: one whole week, so weekend dips weigh as they will. */
export const FORECAST_RUN_RATE_DAYS = 7;

/**
 * Month-end spend from data daily-spend already fetched (no Cost Explorer
 * forecast request): month to date plus the days left in the month times the
 * average daily spend of the 7 days ending on `date`. On the month's last day
 * it is the month to date.
 */
export function forecastMonthEnd(date: IsoDate, totalOn: (d: IsoDate) => number): number {
  const month = monthOf(date);
  const monthToDate = dayRange(firstDayOfMonth(month), date).reduce((sum, d) => sum + totalOn(d), 0);
  const week = dayRange(addDays(date, -(FORECAST_RUN_RATE_DAYS - 1)), date);
  const runRate = week.reduce((sum, d) => sum + totalOn(d), 0) / week.length;
  const daysLeft = daysBetween(date, monthEndExclusive(month)) - 1;
  return roundCents(monthToDate + runRate * daysLeft);
}
