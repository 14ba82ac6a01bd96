import type { Budget } from '@aws-sdk/client-budgets';
import { describe, expect, it } from 'vitest';
import { budgetLine, reportableBudgets, sortBudgetLines } from '../../shared/report/budgets.js';
import { buildReportModel } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';

const budget = (over: Partial<Budget>): Budget => ({
  BudgetName: 'total',
  BudgetType: 'COST',
  TimeUnit: 'MONTHLY',
  BudgetLimit: { Amount: '200', Unit: 'USD' },
  TimePeriod: { Start: new Date('2025-01-01T00:00:00Z'), End: new Date('2087-06-15T00:00:00Z') },
  CalculatedSpend: { ActualSpend: { Amount: '999', Unit: 'USD' } },
  ...over,
});
const HOME = { account: null, accountName: null, home: true };

describe('report budgets', () => {
  it("compares a budget with its own actual for the month, not the running period's", () => {
    const line = budgetLine(budget({}), '2026-03', { actual: 150, budgeted: 200 }, HOME);

    expect(line).toEqual({ name: 'total', ...HOME, limit: 200, actual: 150, actualPct: 75, accountWide: true });
  });

  it('leaves out a budget that starts after the month, and one that ended before it', () => {
    const next = budget({ BudgetName: 'next', TimePeriod: { Start: new Date('2026-04-01T00:00:00Z') } });
    const ended = budget({
      BudgetName: 'ended',
      TimePeriod: { Start: new Date('2025-01-01T00:00:00Z'), End: new Date('2026-03-01T00:00:00Z') },
    });
    const open = budget({ BudgetName: 'open', TimePeriod: { Start: new Date('2026-03-31T00:00:00Z') } });

    expect(reportableBudgets([next, ended, open, budget({})], '2026-03').map((b) => b.BudgetName)).toEqual(['open', 'total']);
  });

  it('uses the planned limit of the month when AWS does not say what was budgeted', () => {
    const march = String(Date.UTC(2026, 2, 1) / 1000);
    const line = budgetLine(
      budget({ PlannedBudgetLimits: { [march]: { Amount: '300', Unit: 'USD' } } }),
      '2026-03',
      { actual: 150, budgeted: undefined },
      HOME,
    );

    expect(line).toMatchObject({ limit: 300, actualPct: 50 });
  });

  it('shows no actual when AWS Budgets has no history for the month', () => {
    const filtered = budget({ BudgetName: 'data', CostFilters: { TagKeyValue: ['user:team$data'] } });

    expect(budgetLine(filtered, '2024-03', undefined, HOME)).toMatchObject({
      accountWide: false,
      actual: null,
      actualPct: null,
      limit: 200,
    });
  });

  it('leaves out usage and quarterly budgets, which do not compare with one month of spend', () => {
    expect(reportableBudgets([budget({ BudgetType: 'USAGE' }), budget({ TimeUnit: 'QUARTERLY' })], '2026-03')).toEqual([]);
  });

  it("compares the headline with the home account's whole-account budget, never a member account's", () => {
    const member = budgetLine(
      budget({ BudgetName: 'web' }),
      '2026-03',
      { actual: 90, budgeted: 100 },
      { account: '2', accountName: 'web', home: false },
    );
    const home = budgetLine(
      budget({ BudgetName: 'org' }),
      '2026-03',
      { actual: 900, budgeted: 1000 },
      { account: '1', accountName: 'mgmt', home: true },
    );

    const lines = sortBudgetLines([member, home]);

    expect(lines.map((l) => l.name)).toEqual(['org', 'web']);
    expect(buildReportModel(reportData({ budgets: lines.slice(1) })).primaryBudget).toBeUndefined();
    expect(buildReportModel(reportData({ budgets: lines })).primaryBudget?.name).toBe('org');
  });
});
