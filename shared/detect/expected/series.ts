import { addDays, type IsoDate } from '../../time/dates.js';

/** One daily series (the total, an account, a service) as the model reads it. */
export interface DailySeries {
  /** First day the fetched data covers: days before it are unknown, not zero. */
  readonly from: IsoDate;
  /** Spend on a covered day; a covered day without a record is 0, which is what Cost Explorer's silence means. */
  readonly amountOn: (date: IsoDate) => number;
}

export interface ModelOptions {
  /** Days before the judged day the expectation learns from (9 weeks: two earlier months' same day, 8 weekday samples). */
  readonly historyDays: number;
  /** How far back an episode is followed; an older start is reported as this far back. */
  readonly episodeLookbackDays: number;
  /** Drift compares the recent level with the level of the week that ended this many days before. */
  readonly driftLagDays: number;
}

export const DEFAULT_MODEL: ModelOptions = { historyDays: 63, episodeLookbackDays: 21, driftLagDays: 22 };

/** Days of history a run must fetch before its earliest judged day so every judgement sees the same window. */
export function daysToFetch(options: ModelOptions = DEFAULT_MODEL): number {
  return options.historyDays + options.episodeLookbackDays;
}

/** A series over a map of amounts; days absent from the map are 0. */
export function seriesFromMap(amounts: ReadonlyMap<IsoDate, number>, from: IsoDate): DailySeries {
  return { from, amountOn: (d) => amounts.get(d) ?? 0 };
}

/** The covered days before `date` the model may read, oldest first: at most `historyDays`. */
export function historyBefore(series: DailySeries, date: IsoDate, historyDays: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let back = historyDays; back >= 1; back--) {
    const d = addDays(date, -back);
    if (d >= series.from) days.push(d);
  }
  return days;
}

/** 0 = Sunday, as Date#getUTCDay counts. */
export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
