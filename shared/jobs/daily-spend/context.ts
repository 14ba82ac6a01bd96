import type { AnomalyRef } from '../../detect/anomalies.js';
import { driversBaseline } from '../../detect/baseline.js';
import { matchAnomalies, withinAccounts } from '../../detect/anomalies.js';
import type { DriverTarget } from '../../detect/drivers.js';
import { forecastMonthEnd } from '../../detect/forecast.js';
import { defaultRegion } from '../../aws/clients.js';
import { AnomaliesError, fetchAnomalies } from '../../aws/anomalies.js';
import { costExplorerUrl } from '../../aws/console-url.js';
import { errorMessage } from '../../aws/errors.js';
import { addDays, type IsoDate } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import { fetchDrivers, targetKey, type DriversOutcome } from './drivers.js';
import type { SpikeContext } from '../../detect/spike-context.js';
import { evaluateDailyUnitCost, type UnitCostOutcome } from './unit-cost.js';

/** The parts of a spike the context needs; `account` arrives with organizations. */
export interface SpikeLike {
  readonly date: IsoDate;
  readonly scope: string;
  readonly key: string;
  readonly account?: string | null;
}

export interface DailyContext {
  decorate<S extends SpikeLike>(spike: S): S & SpikeContext;
  readonly anomalies: readonly AnomalyRef[];
  /** AWS anomalies no spike explains, impact at least minDelta: alerts of their own. */
  readonly unmatchedAnomalies: readonly AnomalyRef[];
  readonly forecast: number;
  readonly unitCost?: UnitCostOutcome;
  readonly warnings: string[];
  readonly costExplorerRequests: number;
  readonly cloudWatchRequests: number;
}

const accountOf = (s: SpikeLike) => s.account ?? null;

/**
 * Everything daily-spend adds for on-call, fetched in parallel after the main
 * query: drivers (≤ 1 GetCostAndUsage, only with a service spike), AWS
 * anomalies (1 GetAnomalies when `dailySpend.anomalies`), units (1
 * GetMetricData when `unitCost`). The forecast and links cost no request.
 * None of these failing keeps a spike from alerting. Anomalies of accounts
 * outside the choice (`includes`) are neither alerted nor attached.
 */
export async function dailyContext(
  ctx: JobContext,
  date: IsoDate,
  spikes: readonly SpikeLike[],
  totalOn: (d: IsoDate) => number,
  includes: (account: string) => boolean = () => true,
): Promise<DailyContext> {
  const rules = ctx.config.dailySpend;
  const ce = () => ctx.aws.costExplorer();
  const targets: DriverTarget[] = spikes
    .filter((s) => s.scope === 'service')
    .map((s) => ({ date: s.date, service: s.key, account: accountOf(s) }));
  const unitCfg = ctx.config.unitCost;
  const unitRegion = unitCfg?.metric.region ?? defaultRegion(ctx.env);

  const [drivers, anomalies, unitCost] = await Promise.all([
    targets.length
      ? fetchDrivers(ce(), targets, rules.metric, driversBaseline(rules.baseline))
      : Promise.resolve<DriversOutcome>({ byTarget: new Map(), requests: 0, unattributed: 0 }),
    rules.anomalies
      ? readAnomalies(ctx, addDays(date, -rules.recheckDays), date)
      : Promise.resolve({ anomalies: [], requests: 0, warning: undefined }),
    unitCfg ? evaluateDailyUnitCost(ctx.aws.cloudWatch(unitRegion), unitCfg, date, totalOn, rules.criticalPct) : Promise.resolve(undefined),
  ]);

  const warnings: string[] = [];
  if (drivers.error) warnings.push(`drivers: the usage-type request failed, spikes are sent without drivers: ${drivers.error}`);
  if (drivers.unattributed)
    warnings.push(
      `drivers: ${drivers.unattributed} service spike(s) share services and accounts with others; one request cannot separate ` +
        `them, so they have no drivers`,
    );
  if (anomalies.warning) warnings.push(anomalies.warning);
  warnings.push(...(unitCost?.warnings ?? []));
  for (const w of warnings) ctx.log.warn(`daily-spend ${w}`);

  const chosen = withinAccounts(anomalies.anomalies, includes);
  const matched = matchAnomalies(targets, chosen, rules.minDelta);
  const anomalyOf = new Map(targets.map((t, i) => [targetKey(t), matched.attached[i]]));

  return {
    decorate<S extends SpikeLike>(s: S): S & SpikeContext {
      const account = accountOf(s);
      const service = s.scope === 'service' ? s.key : undefined;
      const key = service ? targetKey({ date: s.date, service, account }) : '';
      const found = service ? drivers.byTarget.get(key) : undefined;
      const anomaly = service ? anomalyOf.get(key) : undefined;
      return {
        ...s,
        ...(service ? { drivers: found ?? [] } : {}),
        consoleUrl: costExplorerUrl({
          date: s.date,
          metric: rules.metric,
          service,
          account: account ?? (s.scope === 'account' ? s.key : null),
        }),
        ...(anomaly ? { anomaly, anomalyId: anomaly.id } : {}),
      };
    },
    anomalies: chosen,
    unmatchedAnomalies: matched.unmatched,
    forecast: forecastMonthEnd(date, totalOn),
    ...(unitCost ? { unitCost } : {}),
    warnings,
    costExplorerRequests: drivers.requests + anomalies.requests,
    cloudWatchRequests: unitCost?.requests ?? 0,
  };
}

/** GetAnomalies denied, or Cost Anomaly Detection not set up: one clear warning, the run goes on. */
async function readAnomalies(
  ctx: JobContext,
  start: IsoDate,
  end: IsoDate,
): Promise<{ anomalies: AnomalyRef[]; requests: number; warning?: string }> {
  try {
    return await fetchAnomalies(ctx.aws.costExplorer(), start, end);
  } catch (err) {
    const requests = err instanceof AnomaliesError ? err.requests : 1;
    const why = errorMessage(err instanceof AnomaliesError ? err.failure : err);
    return {
      anomalies: [],
      requests,
      warning:
        `anomalies: AWS Cost Anomaly Detection could not be read (denied, or not set up for this account), spikes are sent ` +
        `without it: ${why}`,
    };
  }
}
