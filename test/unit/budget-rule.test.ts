import { describe, expect, it } from 'vitest';
import {
  alertTiers,
  budgetPeriod,
  crossedThresholds,
  daysLeft,
  evaluateBudget,
  type BudgetFacts,
  type BudgetRules,
} from '../../shared/detect/budget.js';

const rules: BudgetRules = {
  actualThresholds: [
    { pct: 50, severity: 'info' },
    { pct: 75, severity: 'warning' },
    { pct: 90, severity: 'critical' },
    { pct: 100, severity: 'emergency' },
  ],
  forecastThresholds: [{ pct: 100, severity: 'warning' }],
};

const at = (iso: string) => new Date(iso);

function budget(overrides: Partial<BudgetFacts> = {}): BudgetFacts {
  return {
    name: 'team-a',
    budgetType: 'COST',
    timeUnit: 'MONTHLY',
    periodStart: '2024-01-01',
    periodEnd: undefined,
    limit: { amount: 1000, unit: 'USD' },
    plannedLimits: {},
    actual: { amount: 400, unit: 'USD' },
    forecast: { amount: 800, unit: 'USD' },
    ...overrides,
  };
}

function evaluated(f: BudgetFacts, now = at('2026-11-20T12:00:00Z')) {
  const outcome = evaluateBudget(f, rules, now);
  if (outcome.status !== 'evaluated') throw new Error(`expected an evaluation, got skipped: ${outcome.reason}`);
  return outcome.evaluation;
}

describe('budget period', () => {
  it('is the calendar month holding now for a monthly budget started on the 1st', () => {
    expect(budgetPeriod('MONTHLY', '2024-01-01', at('2026-11-20T12:00:00Z'))).toEqual({
      unit: 'MONTHLY',
      start: '2026-11-01',
      endExclusive: '2026-12-01',
    });
  });

  it('steps quarters from the budget start, not from January', () => {
    expect(budgetPeriod('QUARTERLY', '2025-02-01', at('2026-11-20T00:00:00Z'))).toMatchObject({
      start: '2026-11-01',
      endExclusive: '2027-02-01',
    });
    expect(budgetPeriod('QUARTERLY', '2025-02-01', at('2026-10-31T23:59:59Z'))).toMatchObject({
      start: '2026-08-01',
      endExclusive: '2026-11-01',
    });
  });

  it('runs an annual budget from its start month, like a fiscal year', () => {
    expect(budgetPeriod('ANNUALLY', '2020-04-01', at('2026-03-31T10:00:00Z'))).toMatchObject({
      start: '2025-04-01',
      endExclusive: '2026-04-01',
    });
    expect(budgetPeriod('ANNUALLY', '2020-04-01', at('2026-04-01T00:00:00Z'))).toMatchObject({
      start: '2026-04-01',
      endExclusive: '2027-04-01',
    });
  });

  it('keeps a mid-month start day and steps back when now is before it', () => {
    expect(budgetPeriod('MONTHLY', '2026-01-15', at('2026-11-03T00:00:00Z'))).toMatchObject({
      start: '2026-10-15',
      endExclusive: '2026-11-15',
    });
  });

  it('clamps a 31st start to short months without drifting', () => {
    expect(budgetPeriod('MONTHLY', '2026-01-31', at('2026-03-10T00:00:00Z'))).toMatchObject({
      start: '2026-02-28',
      endExclusive: '2026-03-31',
    });
  });

  it('is the UTC day for a daily budget', () => {
    expect(budgetPeriod('DAILY', '2024-01-01', at('2026-11-20T23:30:00Z'))).toMatchObject({
      start: '2026-11-20',
      endExclusive: '2026-11-21',
    });
  });

  it('aligns to calendar quarters when AWS gave no start', () => {
    expect(budgetPeriod('QUARTERLY', undefined, at('2026-08-20T00:00:00Z'))).toMatchObject({
      start: '2026-07-01',
      endExclusive: '2026-10-01',
    });
  });

  it('starts a new period, with a new start, the moment the month turns', () => {
    const before = budgetPeriod('MONTHLY', '2024-01-01', at('2026-11-30T23:59:59Z'));
    const after = budgetPeriod('MONTHLY', '2024-01-01', at('2026-12-01T00:00:00Z'));
    expect(before?.start).not.toBe(after?.start);
  });

  it('knows no period for an unknown unit', () => {
    expect(budgetPeriod('HOURLY', '2024-01-01', at('2026-11-20T00:00:00Z'))).toBeUndefined();
  });
});

describe('days left', () => {
  it('counts today as a day left', () => {
    const period = { unit: 'MONTHLY', start: '2026-11-01', endExclusive: '2026-12-01' };
    expect(daysLeft(period, at('2026-11-20T12:00:00Z'))).toBe(11);
    expect(daysLeft(period, at('2026-11-30T23:00:00Z'))).toBe(1);
  });
});

describe('thresholds crossed', () => {
  it('counts a threshold as crossed at exactly its percent', () => {
    expect(crossedThresholds(75, rules.actualThresholds, 'actual').map((c) => c.pct)).toEqual([50, 75]);
    expect(crossedThresholds(74.99, rules.actualThresholds, 'actual').map((c) => c.pct)).toEqual([50]);
  });

  it('names the highest tier crossed and covers the ones below it', () => {
    const tiers = alertTiers([
      ...crossedThresholds(95, rules.actualThresholds, 'actual'),
      ...crossedThresholds(130, rules.forecastThresholds, 'forecast'),
    ]);
    expect(tiers.map((t) => [t.kind, t.top.pct, t.top.severity, t.covered.map((c) => c.pct)])).toEqual([
      ['actual', 90, 'critical', [50, 75]],
      ['forecast', 100, 'warning', []],
    ]);
  });
});

describe('budget evaluation', () => {
  it('computes percents, days left and what per day keeps the budget inside', () => {
    const e = evaluated(budget({ actual: { amount: 800, unit: 'USD' }, forecast: { amount: 1300, unit: 'USD' } }));
    expect(e).toMatchObject({ actualPct: 80, forecastPct: 130, daysLeft: 11, remaining: 200, period: { start: '2026-11-01' } });
    expect(e.perDayToStayInside).toBeCloseTo(200 / 11, 1);
    expect(e.perDayToStayInside * 11).toBeLessThanOrEqual(200);
    expect(e.crossed.map((c) => `${c.kind}-${c.pct}`)).toEqual(['actual-50', 'actual-75', 'forecast-100']);
  });

  it('says nothing more can be spent once the budget is exceeded', () => {
    const e = evaluated(budget({ actual: { amount: 1050, unit: 'USD' } }));
    expect(e).toMatchObject({ actualPct: 105, remaining: -50, perDayToStayInside: 0 });
    expect(e.crossed.filter((c) => c.kind === 'actual').map((c) => c.severity)).toEqual(['info', 'warning', 'critical', 'emergency']);
  });

  it('skips a budget whose limit is 0 instead of dividing by zero', () => {
    const outcome = evaluateBudget(budget({ limit: { amount: 0, unit: 'USD' } }), rules, at('2026-11-20T00:00:00Z'));
    expect(outcome).toMatchObject({ status: 'skipped', budget: 'team-a' });
    expect(outcome.status === 'skipped' && outcome.reason).toMatch(/limit is 0/);
  });

  it('skips a budget with no CalculatedSpend yet', () => {
    const outcome = evaluateBudget(budget({ actual: undefined, forecast: undefined }), rules, at('2026-11-20T00:00:00Z'));
    expect(outcome.status === 'skipped' && outcome.reason).toMatch(/CalculatedSpend/);
  });

  it('skips usage and reservation budgets, naming their type', () => {
    const outcome = evaluateBudget(budget({ budgetType: 'RI_UTILIZATION' }), rules, at('2026-11-20T00:00:00Z'));
    expect(outcome).toMatchObject({ status: 'skipped', budgetType: 'RI_UTILIZATION' });
    expect(outcome.status === 'skipped' && outcome.reason).toMatch(/only COST budgets/);
  });

  it('keeps a euro budget in euros', () => {
    const e = evaluated(
      budget({ limit: { amount: 500, unit: 'EUR' }, actual: { amount: 460, unit: 'EUR' }, forecast: { amount: 520, unit: 'EUR' } }),
    );
    expect(e).toMatchObject({ unit: 'EUR', limit: 500, actual: 460, actualPct: 92, forecastPct: 104 });
  });

  it('uses the planned limit of the current period when the budget has no fixed limit', () => {
    const e = evaluated(
      budget({
        limit: undefined,
        plannedLimits: { '2026-10-01': { amount: 100, unit: 'USD' }, '2026-11-01': { amount: 500, unit: 'USD' } },
      }),
    );
    expect(e).toMatchObject({ limit: 500, actualPct: 80 });
  });

  it('evaluates the actual spend alone when there is no forecast', () => {
    const e = evaluated(budget({ actual: { amount: 990, unit: 'USD' }, forecast: undefined }));
    expect(e).toMatchObject({ forecast: null, forecastPct: null });
    expect(e.crossed.every((c) => c.kind === 'actual')).toBe(true);
  });
});
