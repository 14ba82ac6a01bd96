import { attemptsOf } from '../../aws/attempts.js';
import { defaultRegion } from '../../aws/clients.js';
import { reviewGap } from '../../aws/review-gap.js';
import { dailyUnits } from '../../aws/unit-metric.js';
import { costPerUnit, unitCostFigures } from '../../detect/unit-cost.js';
import type { MonthUnitCost, ReviewGap } from '../../review/types.js';
import { addMonths, firstDayOfMonth, type IsoDate } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import type { ReportCosts, ReportWindow } from './costs.js';

/**
 * The month's cost per unit (per lead, per order…) against the month before,
 * and per day for the chart: ONE GetMetricData call over both months (about
 * 60 daily datapoints), the spend already fetched. A metric CloudWatch will
 * not give is a gap in the review, not a failed report.
 */
export async function readMonthUnitCost(
  ctx: JobContext,
  costs: ReportCosts,
  w: ReportWindow,
): Promise<{ unitCost?: MonthUnitCost; gap?: ReviewGap; requests: number }> {
  const u = ctx.config.unitCost;
  if (!u) return { requests: 0 };
  const { month, endExclusive, comparedWith } = w;
  const region = u.metric.region ?? defaultRegion(ctx.env);
  const cw = ctx.aws.cloudWatch(region);
  const start = firstDayOfMonth(month);
  let units;
  try {
    units = await dailyUnits(cw, u.metric, firstDayOfMonth(addMonths(month, -1)), endExclusive);
  } catch (err) {
    return {
      gap: {
        ...reviewGap(err, 'unitCost', 'GetMetricData'),
        message: `CloudWatch ${u.metric.namespace}/${u.metric.metricName} could not be read: ${(err as Error).message}`,
      },
      requests: attemptsOf(err),
    };
  }
  const sum = (pick: (d: IsoDate) => boolean) => [...units.byDay].filter(([d]) => pick(d)).reduce((a, [, n]) => a + n, 0);
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const figures = unitCostFigures(
    u.unit,
    u.target,
    { cost: total(costs.current), units: sum((d) => d >= start) },
    { cost: total(costs.previous), units: sum((d) => d >= comparedWith.from && d <= comparedWith.to) },
  );
  const daily = [...costs.daily]
    .filter(([d]) => d >= start)
    .map(([date, cost]) => ({ date, costPerUnit: costPerUnit(cost, units.byDay.get(date) ?? 0) }));
  return { unitCost: { ...figures, daily }, requests: units.requests };
}
