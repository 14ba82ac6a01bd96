import { costExplorerUrl } from '../../aws/console-url.js';
import type { AnomalyRef } from '../../detect/anomalies.js';
import type { SpikeAlert } from '../../messages/daily-spend.js';
import { roundCents } from '../../money.js';
import type { IsoDate } from '../../time/dates.js';
import type { UnitCostOutcome } from './unit-cost.js';

/**
 * An AWS anomaly no spike explains: `scope: "anomaly"`, keyed by the anomaly
 * id, warning, once. Its alert id carries the anomaly's start date, not the
 * run's, so the re-checked days of later runs never send it again.
 * `account`: the root causes' one account in an organization, else null.
 */
export function anomalyAlert(
  a: AnomalyRef,
  date: IsoDate,
  metric: string,
  organization: boolean,
  nameOf: (account: string) => string = (id) => id,
): SpikeAlert {
  const accounts = [...new Set(a.rootCauses.map((c) => c.account).filter((x): x is string => Boolean(x)))];
  const account = organization && accounts.length === 1 ? accounts[0]! : null;
  const until = a.endDate && a.endDate < date ? a.endDate : date;
  const service = a.rootCauses[0]?.service ?? undefined;
  return {
    date: a.startDate,
    scope: 'anomaly',
    key: a.id,
    amount: roundCents(a.actualSpend ?? a.impact),
    previous: roundCents(a.expectedSpend ?? 0),
    changePct: a.impactPct,
    severity: 'warning',
    series: [],
    anomaly: a,
    anomalyId: a.id,
    consoleUrl: costExplorerUrl({ date: until, metric, service, account }),
    alertId: `daily-spend|anomaly|${a.id}|${a.startDate}|warning`,
    subject: { job: 'daily-spend', scope: 'anomaly', key: a.id, account },
    account,
    accountName: account && nameOf(account),
  };
}

/** Cost per unit above target: `scope: "unit-cost"`, keyed by the unit, once per day and severity. */
export function unitCostAlert(u: UnitCostOutcome, date: IsoDate, metric: string): SpikeAlert | undefined {
  if (!u.breach || u.unitCost.costPerUnit === null) return undefined;
  const { unit } = u.unitCost;
  return {
    date,
    scope: 'unit-cost',
    key: unit,
    amount: u.unitCost.costPerUnit,
    previous: u.unitCost.target,
    changePct: u.breach.abovePct,
    severity: u.breach.severity,
    series: [],
    unitCost: u.unitCost,
    consoleUrl: costExplorerUrl({ date, metric }),
    alertId: `daily-spend|unit-cost|${unit}|${date}|${u.breach.severity}`,
    subject: { job: 'daily-spend', scope: 'unit-cost', key: unit, account: null },
    account: null,
    accountName: null,
  };
}
