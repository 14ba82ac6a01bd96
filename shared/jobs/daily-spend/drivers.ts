import type { CostExplorerClient, Expression } from '@aws-sdk/client-cost-explorer';
import { errorMessage } from '../../aws/errors.js';
import { EXCLUDE_CREDITS, queryCosts, requestsBeforeFailure } from '../../aws/cost-explorer.js';
import type { BaselineKind } from '../../detect/baseline.js';
import { driversFor, planDrivers, type Driver, type DriverPlan, type DriverTarget } from '../../detect/drivers.js';

export interface DriversOutcome {
  /** Drivers by `targetKey`; a target absent here got none (not attributable, or the request failed). */
  readonly byTarget: Map<string, Driver[]>;
  readonly requests: number;
  /** Why there are no drivers, when the request failed; the spikes still alert. */
  readonly error?: string;
  /** Targets that one request cannot attribute (a service spiking in several accounts that also share services). */
  readonly unattributed: number;
}

export const targetKey = (t: DriverTarget) => `${t.date}|${t.account ?? ''}|${t.service}`;

const dim = (Key: string, Values: readonly string[]): Expression => ({ Dimensions: { Key: Key as never, Values: [...Values] } });
const all = (xs: Expression[]): Expression => (xs.length === 1 ? xs[0]! : { And: xs });
const any = (xs: Expression[]): Expression => (xs.length === 1 ? xs[0]! : { Or: xs });

/** The plan's selection as a Cost Explorer filter, credits and refunds excluded as in the main query. */
export function driversFilter(plan: DriverPlan): Expression {
  const other = plan.groupBy === 'SERVICE' ? 'LINKED_ACCOUNT' : 'SERVICE';
  const pairs = plan.select.map(({ group, others }) => all([dim(plan.groupBy, [group]), ...(others.length ? [dim(other, others)] : [])]));
  // Single account: one SERVICE filter with every spiking service reads simplest.
  const selection = plan.select.every((s) => !s.others.length)
    ? dim(
        plan.groupBy,
        plan.select.map((s) => s.group),
      )
    : any(pairs);
  return { And: [EXCLUDE_CREDITS, selection] };
}

/**
 * The usage types behind each service spike, from ONE GetCostAndUsage request
 * (DAILY, grouped by SERVICE or LINKED_ACCOUNT and USAGE_TYPE, filtered to the
 * spiking services and accounts), made only when a service spike exists.
 * A failure never stops the alerts: it is reported and the spikes go without drivers.
 */
export async function fetchDrivers(
  ce: CostExplorerClient,
  targets: readonly DriverTarget[],
  metric: string,
  baseline: BaselineKind,
): Promise<DriversOutcome> {
  const plan = planDrivers(targets, baseline);
  const unattributed = plan ? targets.filter((t) => plan.keyOf(t) === undefined).length : targets.length;
  if (!plan) return { byTarget: new Map(), requests: 0, unattributed };
  try {
    const costs = await queryCosts(ce, {
      start: plan.start,
      endExclusive: plan.endExclusive,
      granularity: 'DAILY',
      metric,
      groupBy: [
        { Type: 'DIMENSION', Key: plan.groupBy },
        { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
      ],
      filter: driversFilter(plan),
    });
    const usage = new Map(costs.buckets.map((b) => [b.start, b.groups]));
    const byTarget = new Map<string, Driver[]>();
    for (const t of targets) {
      const key = plan.keyOf(t);
      if (key !== undefined) byTarget.set(targetKey(t), driversFor(t, key, usage, baseline));
    }
    return { byTarget, requests: costs.requests, unattributed };
  } catch (err) {
    return { byTarget: new Map(), requests: requestsBeforeFailure(err), unattributed, error: errorMessage(err) };
  }
}
