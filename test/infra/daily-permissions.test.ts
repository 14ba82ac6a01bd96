import { describe, expect, it } from 'vitest';
import { FULL_CONFIG, actionsOf, synthStack, SYNTH_TIMEOUT } from './app-fixture.js';

describe('daily-spend on-call context permissions', { timeout: SYNTH_TIMEOUT }, () => {
  it('grants ce:GetAnomalies only with dailySpend.anomalies and GetMetricData only with unitCost', () => {
    const without = synthStack({ config: FULL_CONFIG }).template;
    const withAll = synthStack({
      config: {
        ...FULL_CONFIG,
        dailySpend: { ...(FULL_CONFIG as { dailySpend?: object }).dailySpend, anomalies: true },
        unitCost: { unit: 'lead', target: 0.05, metric: { namespace: 'LeadRouter', metricName: 'LeadsDistributed' } },
      },
    }).template;

    expect(actionsOf(without, 'DailySpend')).not.toContain('ce:GetAnomalies');
    expect(actionsOf(without, 'DailySpend')).not.toContain('cloudwatch:GetMetricData');
    expect(actionsOf(withAll, 'DailySpend')).toEqual(
      expect.arrayContaining(['ce:GetCostAndUsage', 'ce:GetAnomalies', 'cloudwatch:GetMetricData']),
    );
  });
});
