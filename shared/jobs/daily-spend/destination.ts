import { costExplorerUrl } from '../../aws/console-url.js';
import type { CostBucket } from '../../aws/cost-explorer.js';
import { evaluateDailySpend, type DailyRules } from '../../detect/daily-spend.js';
import { forecastMonthEnd } from '../../detect/forecast.js';
import { orgDays } from '../../detect/org-spend.js';
import { judgeTotal } from '../../detect/seasonal-spend.js';
import type { DailyMessageContext } from '../../messages/daily-spend.js';
import type { RoutedTo } from '../../notify/routing.js';
import type { IsoDate } from '../../time/dates.js';

/** Accounts named on a team's total line; more are counted. */
const NAMED_ACCOUNTS = 3;

export interface DailyFigures {
  readonly buckets: readonly CostBucket[];
  readonly date: IsoDate;
  readonly rules: DailyRules;
  readonly metric: string;
  readonly nameOf: (account: string) => string;
  /** First day the run read (the seasonal model's history starts there). @default the first bucket's day */
  readonly from?: IsoDate;
}

/**
 * The message figures for one destination. A default destination shows the
 * whole scope's; a route's destination (a team's channel or topic) only its
 * own accounts': their total, month to date and forecast, from the data the
 * run already read (no extra request). The organization's unit cost stays off it.
 */
export function dailyMessageFor(base: DailyMessageContext, to: RoutedTo, f: DailyFigures): DailyMessageContext {
  if (!to.accounts) return { ...base, consoleUrl: costExplorerUrl({ date: f.date, metric: f.metric }) };
  const mine = new Set(to.accounts);
  const days = orgDays(f.buckets, (id) => mine.has(id));
  const own = evaluateDailySpend(days, f.date, {
    ...f.rules,
    baseline: f.rules.baseline === 'seasonal' ? 'previous-day' : f.rules.baseline,
  });
  const total = f.rules.baseline === 'seasonal' ? judgeTotal(days, f.from ?? f.buckets[0]?.start ?? f.date, f.date, f.rules) : own.total;
  const totals = new Map(days.map((d) => [d.date, [...d.byService.values()].reduce((a, x) => a + x, 0)]));
  const names = to.accounts.map(f.nameOf);
  const named = names.length <= NAMED_ACCOUNTS ? names.join(', ') : `${names.length} accounts`;
  return {
    evaluation: { ...base.evaluation, total, totalSeries: own.totalSeries, monthToDate: own.monthToDate },
    currency: base.currency,
    forecast: forecastMonthEnd(f.date, (d) => totals.get(d) ?? 0),
    totalLabel: `Total of ${named}`,
    consoleUrl: costExplorerUrl({ date: f.date, metric: f.metric, accounts: to.accounts }),
  };
}
