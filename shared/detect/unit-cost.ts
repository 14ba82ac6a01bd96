/**
 * Cost per unit (per lead, per order…): the business metric the cost plan is
 * steered by. Pure: spend and units in, figures and severity out.
 */

export type UnitCostSeverity = 'none' | 'warning' | 'critical';

/** Unrounded spend / units; null when there were no units (a cost per nothing means nothing). */
export function rawCostPerUnit(cost: number, units: number): number | null {
  return units > 0 ? cost / units : null;
}

/** What is reported: 4 significant digits, never rounded to cents ($0.0523 per lead, not $0.05). */
export function roundSignificant(value: number | null, digits = 4): number | null {
  return value === null ? null : Number(value.toPrecision(digits));
}

export const costPerUnit = (cost: number, units: number) => roundSignificant(rawCostPerUnit(cost, units));

/**
 * Above `target`: warning; above `target × (1 + criticalPct/100)`: critical.
 * Compares the unrounded value, as the contract says, so that the rounding
 * shown never decides an alert.
 */
export function unitCostSeverity(raw: number | null, target: number, criticalPct: number): UnitCostSeverity {
  if (raw === null) return 'none';
  if (raw > target * (1 + criticalPct / 100)) return 'critical';
  return raw > target ? 'warning' : 'none';
}

export interface UnitCostFigures {
  readonly unit: string;
  readonly units: number;
  readonly costPerUnit: number | null;
  readonly target: number;
  readonly previousCostPerUnit: number | null;
}

/** The contract's `unitCost` result for a period and the one before it (a day, or a month). */
export function unitCostFigures(
  unit: string,
  target: number,
  current: { cost: number; units: number },
  previous: { cost: number; units: number },
): UnitCostFigures {
  return {
    unit,
    units: current.units,
    costPerUnit: costPerUnit(current.cost, current.units),
    target,
    previousCostPerUnit: costPerUnit(previous.cost, previous.units),
  };
}

/** A day's cost per unit as daily-spend shows it. */
export interface DailyUnitCost extends Omit<UnitCostFigures, 'units'> {
  /** null when the metric could not be read (see warnings). */
  readonly units: number | null;
}
