import type { FinOpsReview } from '../../shared/review/types.js';

/** A review with every part filled, and names that need escaping; tests override what they are about. */
export function reviewData(over: Partial<FinOpsReview> = {}): FinOpsReview {
  return {
    categorySource: { kind: 'default' },
    byCategory: [
      { category: 'Compute', amount: 1200, previous: 1000, changePct: 20, budget: 1000, budgetPct: 120 },
      { category: 'R&D <ml> "x"', amount: 300, previous: 0, changePct: null, budget: 500, budgetPct: 60 },
      { category: 'Other', amount: 50, previous: 40, changePct: 25, budget: null, budgetPct: null },
    ],
    allocation: [
      { tagKey: 'environment', value: 'production', amount: 1000, sharePct: 64.5, targetPct: 70, deviationPts: -5.5 },
      { tagKey: 'environment', value: '=cmd|x', amount: 250, sharePct: 16.1, targetPct: 30, deviationPts: -13.9 },
      { tagKey: 'environment', value: '(untagged)', amount: 300, sharePct: 19.4, targetPct: null, deviationPts: null },
    ],
    allocationNotes: [
      {
        tagKey: 'environment',
        kind: 'large-untagged',
        message: '19.4% of the month\'s spend carries no "environment" tag: it cannot be allocated.',
      },
    ],
    commitments: { savingsPlans: { coveragePct: 62.5, utilizationPct: 98.1 }, reservations: { coveragePct: null, utilizationPct: null } },
    rightsizing: [
      {
        account: '123456789012',
        instanceId: 'i-0aaa',
        instanceType: 'm5.2xlarge',
        action: 'modify',
        targetType: 'm5.xlarge',
        estimatedMonthlySavings: 140.16,
      },
      {
        account: '123456789012',
        instanceId: 'i-0bbb',
        instanceType: 't3.large',
        action: 'terminate',
        targetType: null,
        estimatedMonthlySavings: 60.74,
      },
    ],
    gaps: [],
    ...over,
  };
}
