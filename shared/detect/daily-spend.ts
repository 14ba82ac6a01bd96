import { roundCents } from '../money.js';
import { addDays, dayRange, firstDayOfMonth, monthOf, type IsoDate } from '../time/dates.js';
import { baselineFor, type BaselineKind, type DailyBaseline } from './baseline.js';
import { assessChange, type SpikeRules, type SpikeSeverity } from './spike.js';

/** Spend per service for one day, as Cost Explorer reported it. */
export interface DaySpend {
  readonly date: IsoDate;
  readonly estimated: boolean;
  readonly byService: ReadonlyMap<string, number>;
}

export interface Spike {
  readonly date: IsoDate;
  /** `account`: one account's total in an organization (key: its id); `charges`: a record type, month over month. */
  readonly scope: 'total' | 'service' | 'account' | 'charges';
  readonly key: string;
  /** The account the spike is in; null for the organization total and in a single-account config. */
  readonly account: string | null;
  readonly accountName: string | null;
  readonly amount: number;
  readonly previous: number;
  readonly changePct: number | null;
  readonly severity: Exclude<SpikeSeverity, 'none'>;
  /** Last 7 days ending on `date`, for the sparkline. */
  readonly series: readonly number[];
  /** With the seasonal baseline: the expected amount (= previous), the kind used and the episode's first day. */
  readonly expected?: number;
  readonly baseline?: 'seasonal' | 'drift';
  readonly episodeStart?: IsoDate | null;
  /** What was expected, in words: "about $820 expected for a Tuesday". */
  readonly basis?: string;
  /** The alert's period when it is not the day: the month, for charges. */
  readonly period?: string;
}

export interface DailyEvaluation {
  readonly date: IsoDate;
  readonly estimated: boolean;
  readonly total: { amount: number; previous: number; changePct: number | null; severity: SpikeSeverity };
  readonly totalSeries: readonly number[];
  readonly monthToDate: number;
  /** Spikes on `date` and on the re-checked days before it, newest day first. */
  readonly spikes: Spike[];
}

export interface DailyRules extends SpikeRules {
  readonly baseline: DailyBaseline;
  readonly recheckDays: number;
}

export const TOTAL_KEY = 'total';

/**
 * Pure daily-spend rule: data in, findings out. Days missing from `days`
 * count as zero spend, which is what Cost Explorer's silence means.
 */
export function evaluateDailySpend(
  days: readonly DaySpend[],
  date: IsoDate,
  rules: DailyRules & { baseline: BaselineKind },
): DailyEvaluation {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const totalOn = (d: IsoDate) => sum(byDate.get(d)?.byService.values());
  const serviceOn = (service: string) => (d: IsoDate) => byDate.get(d)?.byService.get(service) ?? 0;
  const series = (on: (d: IsoDate) => number, end: IsoDate) => dayRange(addDays(end, -6), end).map((d) => roundCents(on(d)));

  const spikes: Spike[] = [];
  for (let back = 0; back <= rules.recheckDays; back++) {
    const day = addDays(date, -back);
    const services = new Set([...(byDate.get(day)?.byService.keys() ?? [])]);
    const scopes: Array<[Spike['scope'], string, (d: IsoDate) => number]> = [
      ['total', TOTAL_KEY, totalOn],
      ...[...services].sort().map((s): [Spike['scope'], string, (d: IsoDate) => number] => ['service', s, serviceOn(s)]),
    ];
    for (const [scope, key, on] of scopes) {
      const a = assessChange(on(day), baselineFor(rules.baseline, day, on), rules);
      if (a.severity !== 'none')
        spikes.push({ date: day, scope, key, account: null, accountName: null, ...a, severity: a.severity, series: series(on, day) });
    }
  }
  const total = assessChange(totalOn(date), baselineFor(rules.baseline, date, totalOn), rules);
  const monthToDate = roundCents(dayRange(firstDayOfMonth(monthOf(date)), date).reduce((acc, d) => acc + totalOn(d), 0));
  return {
    date,
    estimated: Boolean(byDate.get(date)?.estimated),
    total,
    totalSeries: series(totalOn, date),
    monthToDate,
    spikes,
  };
}

function sum(values: Iterable<number> | undefined): number {
  let s = 0;
  for (const v of values ?? []) s += v;
  return s;
}
