import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { attemptsOf } from '../../aws/attempts.js';
import { errorMessage } from '../../aws/errors.js';
import { dailyUnits } from '../../aws/unit-metric.js';
import type { UnitCostConfig } from '../../config/schema.js';
import { rawCostPerUnit, unitCostFigures, unitCostSeverity, type DailyUnitCost, type UnitCostSeverity } from '../../detect/unit-cost.js';
import { roundPct } from '../../money.js';
import { addDays, type IsoDate } from '../../time/dates.js';

export interface UnitCostOutcome {
  readonly unitCost: DailyUnitCost;
  /** Above target: the alert's severity and how far above, from the unrounded cost per unit. */
  readonly breach?: { severity: Exclude<UnitCostSeverity, 'none'>; abovePct: number };
  readonly warnings: string[];
  readonly requests: number;
}

/**
 * The evaluated day's cost per unit and the day before's, from ONE
 * GetMetricData call covering both days. No units (metric missing or 0):
 * costPerUnit null and no alert. CloudWatch failing: a warning, never a crash.
 */
export async function evaluateDailyUnitCost(
  cw: CloudWatchClient,
  cfg: UnitCostConfig,
  date: IsoDate,
  totalOn: (d: IsoDate) => number,
  criticalPct: number,
): Promise<UnitCostOutcome> {
  const before = addDays(date, -1);
  const metricName = `${cfg.metric.namespace}/${cfg.metric.metricName}`;
  let units;
  try {
    units = await dailyUnits(cw, cfg.metric, before, addDays(date, 1));
  } catch (err) {
    return {
      unitCost: { unit: cfg.unit, units: null, costPerUnit: null, target: cfg.target, previousCostPerUnit: null },
      warnings: [`unit cost: cannot read ${metricName}: ${errorMessage(err)}`],
      requests: attemptsOf(err),
    };
  }
  const today = { cost: totalOn(date), units: units.byDay.get(date) ?? 0 };
  const figures = unitCostFigures(cfg.unit, cfg.target, today, { cost: totalOn(before), units: units.byDay.get(before) ?? 0 });
  const warnings: string[] = [];
  if (!units.reported.has(date)) warnings.push(`unit cost: ${metricName} has no datapoints on ${date}: cost per ${cfg.unit} unknown`);
  else if (today.units === 0) warnings.push(`unit cost: ${metricName} is 0 on ${date}: cost per ${cfg.unit} unknown`);
  const raw = rawCostPerUnit(today.cost, today.units);
  const severity = unitCostSeverity(raw, cfg.target, criticalPct);
  const breach =
    severity === 'none' || raw === null ? undefined : { severity, abovePct: roundPct(((raw - cfg.target) / cfg.target) * 100) };
  return { unitCost: figures, ...(breach ? { breach } : {}), warnings, requests: units.requests };
}
