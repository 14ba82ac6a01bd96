import { describe, expect, it } from 'vitest';
import {
  approverTier,
  isProtected,
  type TagMap,
  matchesTags,
  mayApprove,
  refusal,
  triggeredActions,
} from '../../shared/detect/actions/index.js';
import type { BudgetEvaluation } from '../../shared/detect/budget.js';
import { parseConfig } from '../../shared/config/load.js';

const APPROVERS = [{ upTo: 500, slackUsers: ['U0LEAD'] }, { upTo: 5000, slackUsers: ['U0VPENG'] }, { slackUsers: ['U0CTO', 'U0CFO'] }];

describe('who approves a budget action', () => {
  it('is the first tier whose upTo is at least the effect, and the last tier for a larger or unknown effect', () => {
    expect([120, 500, 500.01, 5000, 9000].map((e) => approverTier(e, APPROVERS)?.index)).toEqual([0, 0, 1, 1, 2]);
    expect(approverTier(null, APPROVERS)?.slackUsers).toEqual(['U0CTO', 'U0CFO']);
    expect(approverTier(10, [])).toBeUndefined();
  });

  it('lets a higher tier approve what a lower may, never the other way round', () => {
    expect(['U0LEAD', 'U0VPENG', 'U0CFO', 'U0OTHER'].map((u) => mayApprove(u, 300, APPROVERS))).toEqual([true, true, true, false]);
    expect(['U0LEAD', 'U0VPENG', 'U0CTO'].map((u) => mayApprove(u, 1200, APPROVERS))).toEqual([false, true, true]);
    expect(['U0LEAD', 'U0VPENG', 'U0CTO'].map((u) => mayApprove(u, null, APPROVERS))).toEqual([false, false, true]);
  });
});

describe('which resources an action selects', () => {
  it('needs every tag key (AND) and any listed value of each (OR), compared exactly', () => {
    const want = { env: ['dev', 'staging'], team: ['web'] };
    expect(matchesTags({ env: 'staging', team: 'web' }, want)).toBe(true);
    expect(matchesTags({ env: 'dev' }, want)).toBe(false);
    expect(matchesTags({ env: 'Dev', team: 'web' }, want)).toBe(false);
  });

  it('protects cost-watch:protect=true in any letter case, and only "true"', () => {
    expect(
      ([{ 'cost-watch:protect': 'true' }, { 'Cost-Watch:Protect': 'TRUE' }, { 'cost-watch:protect': 'no' }, {}] as TagMap[]).map((t) =>
        isProtected(t),
      ),
    ).toEqual([true, true, false, false]);
  });
});

describe('when an action triggers', () => {
  const actions = parseConfig({
    budgets: {
      approval: 'auto',
      actions: [
        { id: 'at-90', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev'] } } },
        { id: 'forecast-100', atPct: 100, on: 'forecast', do: { type: 'cap-autoscaling', tags: { env: ['prod'] } } },
        { id: 'only-web', atPct: 50, budgets: ['web'], do: { type: 'cap-autoscaling', tags: { env: ['prod'] } } },
      ],
    },
  }).budgets.actions;
  const evaluation = (budget: string, actualPct: number, forecastPct: number | null) =>
    ({ budget, actualPct, forecastPct }) as BudgetEvaluation;

  it('at or above atPct of the percent it watches, for the budgets it names', () => {
    expect(triggeredActions(evaluation('data', 90, 99.9), actions).map((t) => t.action.id)).toEqual(['at-90']);
    expect(triggeredActions(evaluation('data', 89.99, 100), actions).map((t) => t.action.id)).toEqual(['forecast-100']);
    expect(triggeredActions(evaluation('web', 60, null), actions).map((t) => [t.action.id, t.pct])).toEqual([['only-web', 60]]);
  });
});

describe('status steps', () => {
  it('refuses to approve what is applied or rejected and to undo what was never applied', () => {
    const rec = (status: string, states: string[] = []) =>
      ({ id: 'dev-down-1', status, resources: states.map((state) => ({ state })) }) as unknown as Parameters<typeof refusal>[1];
    expect(refusal('approve', rec('applied'))).toMatch(/is applied: it cannot be approved now/);
    expect(refusal('approve', rec('rejected'))).toMatch(/is rejected/);
    expect(refusal('approve', rec('proposed'))).toBeUndefined();
    expect(refusal('undo', rec('proposed'))).toMatch(/was never applied \(status proposed\)/);
    expect(refusal('undo', rec('failed', ['failed']))).toMatch(/changed nothing/);
    expect(refusal('undo', rec('failed', ['failed', 'applied']))).toBeUndefined();
  });
});
