import { describe, expect, it } from 'vitest';
import { FULL_CONFIG, actionsOf, synthStack, SYNTH_TIMEOUT } from './app-fixture.js';

describe('FinOps review permissions', { timeout: SYNTH_TIMEOUT }, () => {
  it('lets monthly-report read Cost Optimization Hub only when report.costOptimizationHub is set', () => {
    const without = synthStack({ config: FULL_CONFIG }).template;
    const withHub = synthStack({ config: { ...FULL_CONFIG, report: { ...FULL_CONFIG.report, costOptimizationHub: true } } }).template;

    expect(actionsOf(without, 'MonthlyReport')).not.toContain('cost-optimization-hub:ListRecommendations');
    expect(actionsOf(withHub, 'MonthlyReport')).toContain('cost-optimization-hub:ListRecommendations');
    // Bucket sizes (storage-class lever) and the unit metric both read CloudWatch.
    expect(actionsOf(without, 'MonthlyReport')).toEqual(
      expect.arrayContaining(['cloudwatch:GetMetricData', 'ce:GetRightsizingRecommendation', 'ce:GetSavingsPlansPurchaseRecommendation']),
    );
  });
});
