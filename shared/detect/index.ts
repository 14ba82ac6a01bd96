export { assessChange, type ChangeAssessment, type SpikeRules, type SpikeSeverity } from './spike.js';
export { baselineFor, baselineSpan, type BaselineKind } from './baseline.js';
export { evaluateDailySpend, TOTAL_KEY, type DailyEvaluation, type DailyRules, type DaySpend, type Spike } from './daily-spend.js';
export {
  costPerUnit,
  rawCostPerUnit,
  roundSignificant,
  unitCostFigures,
  unitCostSeverity,
  type UnitCostFigures,
  type UnitCostSeverity,
} from './unit-cost.js';
