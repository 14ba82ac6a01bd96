import { roundCents } from '../money.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { baselineFor, baselineSpan, type BaselineKind } from './baseline.js';

/** A usage type behind a service spike: what it cost that day, its baseline, the increase. */
export interface Driver {
  readonly usageType: string;
  readonly amount: number;
  readonly previous: number;
  readonly delta: number;
}

/** A service spike that wants drivers: the service, on a day, in an account (null: the only account). */
export interface DriverTarget {
  readonly date: IsoDate;
  readonly service: string;
  readonly account: string | null;
}

/**
 * What the one drivers request asks for. Cost Explorer groups by at most two
 * dimensions, so USAGE_TYPE pairs with SERVICE or with LINKED_ACCOUNT: a
 * target is attributable (`keyOf` defined) when its group holds only its own
 * spend, i.e. no other spiking (service, account) pair shares it.
 */
export interface DriverPlan {
  readonly groupBy: 'SERVICE' | 'LINKED_ACCOUNT';
  /** Pairs to fetch, as (group value, values of the other dimension; [] = no account filter). */
  readonly select: ReadonlyArray<{ readonly group: string; readonly others: readonly string[] }>;
  readonly start: IsoDate;
  readonly endExclusive: IsoDate;
  keyOf(target: DriverTarget): string | undefined;
}

/** Daily spend by `<group>|<usage type>`. */
export type UsageByDay = ReadonlyMap<IsoDate, ReadonlyMap<string, number>>;

const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)].sort();

/** undefined: nothing to ask (no target, or none attributable). */
export function planDrivers(targets: readonly DriverTarget[], baseline: BaselineKind): DriverPlan | undefined {
  if (!targets.length) return undefined;
  const dates = targets.map((t) => t.date).sort();
  const window = { start: addDays(dates[0]!, -baselineSpan(baseline)), endExclusive: addDays(dates[dates.length - 1]!, 1) };
  const accountsOf = new Map<string, Set<string>>();
  const servicesOf = new Map<string, Set<string>>();
  for (const t of targets) {
    if (t.account === null) continue;
    accountsOf.set(t.service, (accountsOf.get(t.service) ?? new Set()).add(t.account));
    servicesOf.set(t.account, (servicesOf.get(t.account) ?? new Set()).add(t.service));
  }
  const byService = targets.some((t) => t.account === null)
    ? true
    : targets.filter((t) => accountsOf.get(t.service)!.size === 1).length >=
      targets.filter((t) => servicesOf.get(t.account!)!.size === 1).length;
  const plan = byService
    ? {
        groupBy: 'SERVICE' as const,
        keyOf: (t: DriverTarget) => ((accountsOf.get(t.service)?.size ?? 0) <= 1 ? t.service : undefined),
        others: (service: string) => uniq(accountsOf.get(service) ?? []),
      }
    : {
        groupBy: 'LINKED_ACCOUNT' as const,
        keyOf: (t: DriverTarget) => (t.account !== null && servicesOf.get(t.account)?.size === 1 ? t.account : undefined),
        others: (account: string) => uniq(servicesOf.get(account) ?? []),
      };
  // Only groups that attribute exactly are fetched: the rest would be rows nobody can use.
  const groups = uniq(targets.map((t) => plan.keyOf(t)).filter((k): k is string => k !== undefined));
  if (!groups.length) return undefined;
  return { ...window, groupBy: plan.groupBy, keyOf: plan.keyOf, select: groups.map((group) => ({ group, others: plan.others(group) })) };
}

/**
 * Up to `max` usage types with the largest increase on the target's day,
 * against the same baseline as the spike (increases only, largest first).
 */
export function driversFor(target: DriverTarget, groupKey: string, usage: UsageByDay, baseline: BaselineKind, max = 3): Driver[] {
  const prefix = `${groupKey}|`;
  const usageTypes = new Set<string>();
  for (const day of usage.values()) for (const k of day.keys()) if (k.startsWith(prefix)) usageTypes.add(k.slice(prefix.length));
  const drivers: Driver[] = [];
  for (const usageType of usageTypes) {
    const on = (d: IsoDate) => usage.get(d)?.get(prefix + usageType) ?? 0;
    const amount = roundCents(on(target.date));
    const previous = roundCents(baselineFor(baseline, target.date, on));
    const delta = roundCents(amount - previous);
    if (delta > 0) drivers.push({ usageType, amount, previous, delta });
  }
  return drivers.sort((a, b) => b.delta - a.delta || a.usageType.localeCompare(b.usageType)).slice(0, max);
}
