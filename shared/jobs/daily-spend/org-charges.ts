import { queryCosts } from '../../aws/cost-explorer.js';
import type { DailyRules, Spike } from '../../detect/daily-spend.js';
import { chargeSpikes } from '../../detect/seasonal-spend.js';
import { addDays, addMonths, firstDayOfMonth, monthOf, type IsoDate } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import type { DailyScope } from './accounts.js';

/**
 * An organization's charges (tax, support, fees) per account and record type, month over month.
 * GroupBy takes two dimensions, so they need their own MONTHLY query; it is made only on runs that
 * make no drivers request (no service spike), which keeps a run at 2 requests without AWS anomalies
 * and 3 with. A skipped run leaves them to the next one: they alert once a month anyway.
 */
export async function orgChargeSpikes(
  ctx: JobContext,
  scope: DailyScope,
  usageSpikes: readonly Spike[],
  date: IsoDate,
  start: IsoDate,
  rules: DailyRules,
): Promise<{ spikes: Spike[]; requests: number }> {
  if (!scope.charges || usageSpikes.some((s) => s.scope === 'service')) return { spikes: [], requests: 0 };
  const judged = Array.from({ length: rules.recheckDays + 1 }, (_, back) => addDays(date, -back)).filter((d) => d >= start);
  const from = firstDayOfMonth(addMonths(monthOf(judged.at(-1) ?? date), -1));
  const costs = await queryCosts(ctx.aws.costExplorer(), {
    start: from,
    endExclusive: addDays(date, 1),
    granularity: 'MONTHLY',
    metric: ctx.config.dailySpend.metric,
    groupBy: scope.charges.groupBy,
    filter: scope.charges.filter,
  });
  return { spikes: chargeSpikes(scope.charges.read(costs.buckets), judged, rules, scope.nameOf), requests: costs.requests };
}
