import { CLIENTS } from './clients.js';
import { queryCosts } from '../../aws/cost-explorer.js';
import { baselineSpan } from '../../detect/baseline.js';
import { dailySlackMessage, dailySnsMessage, type SpikeAlert } from '../../messages/daily-spend.js';
import { anomalyText, contextLine, driversText, totalExtras } from '../../messages/daily-context.js';
import { formatMoney, formatChange } from '../../format.js';
import { dispatch } from '../../notify/dispatch.js';
import { alertChannels } from '../../notify/routing.js';
import type { Delivery } from '../../alerts/alert.js';
import { UsageError } from '../../errors.js';
import { addDays, firstDayOfMonth, incompleteDayProblem, monthOf, yesterday, type IsoDate } from '../../time/dates.js';
import { channelDeps, type JobContext } from '../common/context.js';
import { dailyContext } from './context.js';
import { dailyMessageFor } from './destination.js';
import { anomalyAlert, unitCostAlert } from './context-alerts.js';
import type { DailyUnitCost } from '../../detect/unit-cost.js';
import { dailyScope } from './accounts.js';
import { orgChargeSpikes } from './org-charges.js';
import { daysToFetch } from '../../detect/expected/index.js';
import type { JobDefinition } from '../common/types.js';
import { accountPrefix } from '../../text/account-label.js';

export interface DailySpendOptions {
  /** Day to evaluate. @default yesterday, UTC */
  readonly date?: IsoDate;
}

export interface DailySpendResult {
  readonly job: 'daily-spend';
  readonly date: IsoDate;
  readonly currency: string;
  readonly estimated: boolean;
  readonly total: { amount: number; previous: number; changePct: number | null; severity: string; forecast: number };
  readonly spikes: Array<Omit<SpikeAlert, 'series'>>;
  readonly monthToDate: number;
  readonly baseline: string;
  readonly costExplorerRequests: number;
  /** GetMetricData calls (the unit metric). */
  readonly cloudWatchRequests: number;
  /** Present with `unitCost` in config: the day's cost per unit and the day before's. */
  readonly unitCost?: DailyUnitCost;
  /** Context that could not be fetched (drivers, anomalies, units): the spikes still went out. */
  readonly warnings: string[];
  readonly deliveries: Delivery[];
}

/** Deterministic: the same spike on the same day is the same alert, whichever run finds it. */
export const spikeAlertId = (s: { date: string; scope: string; key: string; severity: string; account?: string | null; period?: string }) =>
  `daily-spend|${s.scope}|${s.account ? `${s.account}/` : ''}${s.key}|${s.period ?? s.date}|${s.severity}`;

/**
 * One GetCostAndUsage query (paginated only when AWS insists) covers the
 * evaluated day, the re-checked days, their baselines, the sparklines and the
 * month to date: each request costs $0.01.
 */
export async function runDailySpend(ctx: JobContext, options: DailySpendOptions = {}): Promise<DailySpendResult> {
  const rules = ctx.config.dailySpend;
  const date = options.date ?? yesterday(ctx.now);
  // The re-checked days and the forecast's run rate lie before `date`, so a complete `date` keeps them complete too.
  const incomplete = incompleteDayProblem(date, ctx.now);
  if (incomplete) throw new UsageError(`--date: ${incomplete}`);
  // Seasonal reads the model's history (63 days for each judged day and 21 of episode look-back) in the same query.
  const span = rules.baseline === 'seasonal' ? daysToFetch() : Math.max(6, baselineSpan(rules.baseline));
  const history = addDays(date, -(rules.recheckDays + span));
  const monthStart = firstDayOfMonth(monthOf(date));
  const start = history < monthStart ? history : monthStart;

  const scope = await dailyScope(ctx);
  ctx.log.progress(`daily-spend: reading Cost Explorer ${start} … ${date} (${rules.metric}, ${scope.describe})`);
  const costs = await queryCosts(ctx.aws.costExplorer(), {
    start,
    endExclusive: addDays(date, 1),
    granularity: 'DAILY',
    metric: rules.metric,
    groupBy: scope.groupBy,
    filter: scope.filter,
  });
  const currency = costs.currency ?? ctx.config.currency;
  const evaluation = scope.evaluate(costs.buckets, date, rules, { from: start, currency });

  const totals = new Map(costs.buckets.map((b) => [b.start, [...b.groups.values()].reduce((a, x) => a + x, 0)]));
  const totalOn = (d: IsoDate) => totals.get(d) ?? 0;
  const context = await dailyContext(ctx, date, evaluation.spikes, totalOn, scope.includes);
  const charges = await orgChargeSpikes(ctx, scope, evaluation.spikes, date, start, rules);
  const spikes: SpikeAlert[] = [...evaluation.spikes, ...charges.spikes].map((s) =>
    context.decorate({ ...s, alertId: spikeAlertId(s), subject: { job: 'daily-spend', scope: s.scope, key: s.key, account: s.account } }),
  );
  const extra = [
    ...context.unmatchedAnomalies.map((a) => anomalyAlert(a, date, rules.metric, ctx.config.organization !== undefined, scope.nameOf)),
    ...[context.unitCost && unitCostAlert(context.unitCost, date, rules.metric)].filter((a): a is SpikeAlert => Boolean(a)),
  ];
  const alerts = [...spikes, ...extra];
  const msg = { evaluation, currency, forecast: context.forecast, unitCost: context.unitCost?.unitCost };
  const figures = { buckets: costs.buckets, date, rules, metric: rules.metric, nameOf: scope.nameOf, from: start };
  const deliveries = await dispatch({
    alerts,
    channels: alertChannels<SpikeAlert>(channelDeps(ctx), {
      slack: (a, to) => dailySlackMessage(a, dailyMessageFor(msg, to, figures)),
      sns: (a, to) => dailySnsMessage(a, dailyMessageFor(msg, to, figures)),
    }),
    ledger: ctx.ledger,
    mutes: ctx.mutes,
    dryRun: ctx.dryRun,
  });

  return {
    job: 'daily-spend',
    date,
    currency,
    estimated: evaluation.estimated,
    total: { ...evaluation.total, forecast: context.forecast },
    spikes: alerts.map(({ series: _series, anomalyId: _anomalyId, ...s }) => s),
    monthToDate: evaluation.monthToDate,
    baseline: rules.baseline,
    costExplorerRequests: costs.requests + context.costExplorerRequests + charges.requests,
    cloudWatchRequests: context.cloudWatchRequests,
    ...(context.unitCost ? { unitCost: context.unitCost.unitCost } : {}),
    warnings: context.warnings,
    deliveries,
  };
}

export function summarizeDailySpend(r: DailySpendResult): string {
  const lines = [
    `daily-spend ${r.date}${r.estimated ? ' (estimated)' : ''}: total ${formatMoney(r.total.amount, r.currency)} ` +
      `vs ${formatMoney(r.total.previous, r.currency)} (${formatChange(r.total.changePct)}, ${r.total.severity}); month to ` +
      `date ${formatMoney(r.monthToDate, r.currency)}` +
      `${totalExtras({ forecast: r.total.forecast, unitCost: r.unitCost }, r.currency, (t) => t)}`,
  ];
  if (!r.spikes.length) lines.push('no spikes');
  for (const s of r.spikes) {
    const line =
      contextLine(s, r.currency, (t) => t) ??
      `${accountPrefix(s.account, s.accountName)}${s.scope === 'account' ? 'account total' : s.key}: ` +
        `${formatMoney(s.amount, r.currency)} vs ${formatMoney(s.previous, r.currency)} (${formatChange(s.changePct)})`;
    lines.push(`  ${s.severity.padEnd(8)} ${s.date} ${line}`);
    const drivers = driversText(s.drivers, r.currency, (t) => t);
    if (drivers) lines.push(`           ${drivers}`);
    if (s.anomaly && s.scope !== 'anomaly') lines.push(`           ${anomalyText(s.anomaly, r.currency, (t) => t)}`);
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

export const dailySpendJob: JobDefinition<DailySpendResult> = {
  clients: CLIENTS,
  name: 'daily-spend',
  description: 'day-over-day spend spikes per service and in total (Cost Explorer)',
  run: (ctx, o) => runDailySpend(ctx, { date: o.date }),
  summarize: summarizeDailySpend,
};
