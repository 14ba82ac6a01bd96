import { describe, expect, it } from 'vitest';
import { costPerUnit, rawCostPerUnit, unitCostFigures, unitCostSeverity } from '../../shared/detect/unit-cost.js';

describe('unit cost rule', () => {
  it('keeps 4 significant digits, not cents', () => {
    expect(costPerUnit(52.3456, 1000)).toBe(0.05235);
    expect(costPerUnit(18948, 7)).toBe(2707);
  });

  it('is null when there were no units', () => {
    expect(costPerUnit(100, 0)).toBeNull();
    expect(unitCostSeverity(rawCostPerUnit(100, 0), 0.05, 50)).toBe('none');
  });

  it('warns above target and is critical above target × (1 + criticalPct/100)', () => {
    expect(unitCostSeverity(0.05, 0.05, 50)).toBe('none');
    expect(unitCostSeverity(0.0501, 0.05, 50)).toBe('warning');
    expect(unitCostSeverity(0.075, 0.05, 50)).toBe('warning');
    expect(unitCostSeverity(0.0751, 0.05, 50)).toBe('critical');
  });

  it('judges the unrounded value: 0.050004 rounds to 0.05 but is above target', () => {
    const raw = rawCostPerUnit(50.004, 1000);
    expect(costPerUnit(50.004, 1000)).toBe(0.05);
    expect(unitCostSeverity(raw, 0.05, 50)).toBe('warning');
  });

  it('gives the contract shape for a period and the one before', () => {
    expect(unitCostFigures('lead', 0.05, { cost: 60, units: 1000 }, { cost: 40, units: 0 })).toEqual({
      unit: 'lead',
      units: 1000,
      costPerUnit: 0.06,
      target: 0.05,
      previousCostPerUnit: null,
    });
  });
});
