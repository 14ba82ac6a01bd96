import { describe, expect, it } from 'vitest';
import { summarizeBudgets, type BudgetEvaluationResult } from '../../shared/jobs/budgets/job.js';
import { accountLabel, accountPrefix } from '../../shared/text/account-label.js';

describe('account label', () => {
  it('names an account by its name and id', () => {
    expect(accountLabel('111111111111', 'Data')).toBe('Data (111111111111)');
  });

  it('shows the bare id when the name is missing or is the id', () => {
    expect(accountLabel('111111111111', null)).toBe('111111111111');
    expect(accountLabel('111111111111', '111111111111')).toBe('111111111111');
  });
});

describe('account prefix of a CLI summary line', () => {
  it('brackets the account label, and is empty without an account', () => {
    expect(accountPrefix('111111111111', 'Data')).toBe('[Data (111111111111)] ');
    expect(accountPrefix('111111111111', null)).toBe('[111111111111] ');
    expect(accountPrefix(null, null)).toBe('');
  });

  it('names the account the same way in the budgets summary', () => {
    const evaluation = {
      account: '111111111111',
      accountName: 'Data',
      budget: 'team-a',
      actual: 50,
      unit: 'USD',
      limit: 100,
      actualPct: 50,
      forecast: null,
      forecastPct: null,
      daysLeft: 3,
      crossed: [],
    };
    const summary = summarizeBudgets({
      job: 'budgets',
      accountId: '222222222222',
      evaluations: [evaluation as unknown as BudgetEvaluationResult],
      actions: [],
      actionErrors: [],
      skipped: [],
      accountErrors: [],
      describeBudgetsPages: 1,
      deliveries: [],
    });
    expect(summary.split('\n')[1]).toMatch(/^ {2}\[Data \(111111111111\)\] team-a: \$50\.00 of \$100\.00/);
  });
});
