import { addDays, type IsoDate } from '../time/dates.js';

export type BaselineKind = 'previous-day' | 'same-weekday' | 'median-7';
/** What daily-spend compares a day with: expected spend (`seasonal`, the default) or one of the simple baselines. */
export type DailyBaseline = BaselineKind | 'seasonal';

/** Days of history before the evaluated day that each baseline needs. */
export function baselineSpan(kind: BaselineKind): number {
  return kind === 'previous-day' ? 1 : 7;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * What `date` is compared with. A weekly rhythm (weekend dips, Monday batch
 * jobs) makes previous-day noisy on Mondays; same-weekday and median-7 absorb it.
 */
export function baselineFor(kind: BaselineKind, date: IsoDate, amountOn: (d: IsoDate) => number): number {
  switch (kind) {
    case 'previous-day':
      return amountOn(addDays(date, -1));
    case 'same-weekday':
      return amountOn(addDays(date, -7));
    case 'median-7':
      return median(Array.from({ length: 7 }, (_, i) => amountOn(addDays(date, -(i + 1)))));
  }
}

/**
 * The baseline a spike's drivers (usage types) are compared with. With `seasonal`, the same weekday
 * a week before: one short request, and the weekday rhythm does not make every Monday's usage types rise.
 */
export function driversBaseline(kind: DailyBaseline): BaselineKind {
  return kind === 'seasonal' ? 'same-weekday' : kind;
}
