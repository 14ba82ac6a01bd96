import { describe, expect, it } from 'vitest';
import { FULL_CONFIG, actionsOf, synthStack, SYNTH_TIMEOUT } from './app-fixture.js';

describe('FinOps review permissions', { timeout: SYNTH_TIMEOUT }, () => {
  it('lets monthly-report read the unit metric only when unitCost is configured', () => {
    const without = synthStack({ config: FULL_CONFIG }).template;
    const withUnit = synthStack({
      config: {
        ...FULL_CONFIG,
        unitCost: { unit: 'lead', target: 0.05, metric: { namespace: 'LeadRouter', metricName: 'LeadsDistributed' } },
      },
    }).template;

    expect(actionsOf(without, 'MonthlyReport')).not.toContain('cloudwatch:GetMetricData');
    expect(actionsOf(withUnit, 'MonthlyReport')).toContain('cloudwatch:GetMetricData');
    expect(actionsOf(withUnit, 'MonthlyReport')).toEqual(
      expect.arrayContaining(['ce:GetRightsizingRecommendation', 'ce:GetSavingsPlansCoverage']),
    );
  });
});
