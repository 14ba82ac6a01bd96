import { addDays, dayRange, type IsoDate } from '../../time/dates.js';
import { assessChange, type SpikeRules, type SpikeSeverity } from '../spike.js';
import { expectedWithRhythm, type Expected } from './expected.js';
import { levelOver } from './level.js';
import { DEFAULT_MODEL, type DailySeries, type ModelOptions } from './series.js';
import type { WeekdayFactors } from './weekday.js';

/** `seasonal`: compared with the day's expected spend. `drift`: with the level of a few weeks before. */
export type JudgementBasis = 'seasonal' | 'drift';

export interface DayJudgement {
  readonly date: IsoDate;
  readonly amount: number;
  readonly expected: Expected;
  /** What the day was judged against: `expected.amount`, or the drift reference shaped for that weekday. */
  readonly compared: number;
  readonly basis: JudgementBasis;
  readonly changePct: number | null;
  readonly severity: SpikeSeverity;
  /** Still clearly above what was expected (half the warning threshold): an open episode goes on. */
  readonly above: boolean;
}

const RANK: Record<SpikeSeverity, number> = { none: 0, warning: 1, critical: 2 };
export const severityRank = (s: SpikeSeverity): number => RANK[s];

/**
 * Judges one day with the contract's spike rule against its expected spend, and against drift:
 * a series whose last 3 days (median, weekday-neutral) stand more than `warningPct` above the level
 * of the week `driftLagDays` back is climbing, even when no single day jumps. The worse finding wins.
 */
export function judgeDay(series: DailySeries, date: IsoDate, rules: SpikeRules, options: ModelOptions = DEFAULT_MODEL): DayJudgement {
  const amount = series.amountOn(date);
  const { expected, factors } = expectedWithRhythm(series, date, options);
  const seasonal = assessChange(amount, expected.amount, rules);
  let result = { compared: expected.amount, basis: 'seasonal' as JudgementBasis, ...seasonal };
  const drifted = driftComparison(series, date, expected, factors, rules);
  if (drifted !== undefined) {
    const drift = assessChange(Math.min(amount, drifted.recent), drifted.reference, rules);
    if (RANK[drift.severity] > RANK[seasonal.severity]) result = { ...drift, compared: drifted.reference, basis: 'drift', amount };
  }
  const floor = Math.min(expected.amount, drifted?.reference ?? Infinity);
  const above = result.severity !== 'none' || (amount > floor && amount > floor * (1 + rules.warningPct / 200));
  return {
    date,
    amount: result.amount,
    expected,
    compared: result.compared,
    basis: result.basis,
    changePct: result.changePct,
    severity: result.severity,
    above,
  };
}

/** The drift reference and the recent level, both for `date`'s weekday; undefined without enough history. */
function driftComparison(series: DailySeries, date: IsoDate, expected: Expected, factors: WeekdayFactors, rules: SpikeRules) {
  if (expected.basis !== 'seasonal' || expected.referenceLevel === undefined) return undefined;
  const recent = levelOver(series, dayRange(addDays(date, -2), date), factors, 3);
  if (recent === undefined || recent <= expected.referenceLevel * (1 + rules.warningPct / 100)) return undefined;
  const shape = expected.weekdayFactor;
  return { reference: expected.referenceLevel * shape + expected.monthlyExtra, recent: recent * shape + expected.monthlyExtra };
}
