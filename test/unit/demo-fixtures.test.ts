import { describe, expect, it } from 'vitest';
import { demoAnomalies } from '../../scripts/demo/daily-spend.js';
import { DEMO_IDLE_RULES, DEMO_IDLE_RULES_NOTE } from '../../scripts/demo/idle-resources.js';
import { monthlyReviewOptions } from '../../scripts/demo/monthly-review.js';

const ACCOUNT = '555000111222';

describe('demo fixtures', () => {
  it("name the demo's own account in AWS's anomalies, root causes and monitor alike", () => {
    const anomalies = demoAnomalies('2026-12-04', ACCOUNT);
    expect(anomalies.length).toBeGreaterThan(0);
    for (const a of anomalies) {
      expect(a.MonitorArn).toBe(`arn:aws:ce::${ACCOUNT}:anomalymonitor/demo-services`);
      expect(a.RootCauses?.map((c) => c.LinkedAccount)).toEqual(a.RootCauses?.map(() => ACCOUNT));
    }
  });

  it("name the demo's own account in every rightsizing recommendation", () => {
    const rightsizing = monthlyReviewOptions('2026-11', ACCOUNT).rightsizing ?? [];
    expect(rightsizing.length).toBeGreaterThan(0);
    expect(new Set(rightsizing.map((r) => r.accountId))).toEqual(new Set([ACCOUNT]));
  });

  it('say on screen which idle defaults the demo overrides, their real defaults and why', () => {
    expect(DEMO_IDLE_RULES).toEqual({ 'orphaned-snapshot': { minAgeDays: 0 }, 'stopped-instance': { minDays: 0 } });
    expect(DEMO_IDLE_RULES_NOTE).toMatch(/stopped-instance\.minDays and orphaned-snapshot\.minAgeDays are 0 \(defaults 30 and 90 days\)/);
    expect(DEMO_IDLE_RULES_NOTE).toContain('moto stamps every stop and snapshot with the current time');
    expect(DEMO_IDLE_RULES_NOTE.trimEnd().split('\n')).toHaveLength(1);
  });
});
