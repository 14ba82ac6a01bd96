import { describe, expect, it } from 'vitest';
import { realisticScenario } from '../../emulators/scenarios/realistic/index.js';

const sumOn = (records: ReturnType<typeof realisticScenario>['records'], date: string, service: string, recordType = 'Usage') =>
  records.filter((r) => r.date === date && r.service === service && r.recordType === recordType).reduce((a, r) => a + r.amount, 0);

describe('realistic scenario', () => {
  const scenario = realisticScenario();
  const EC2 = 'Amazon Elastic Compute Cloud - Compute';

  it('is the same bill for the same seed and a different one for another seed', () => {
    expect(realisticScenario().records).toEqual(scenario.records);
    expect(realisticScenario({ seed: 8 }).records).not.toEqual(scenario.records);
  });

  it('makes a Monday look like +80 % on the Sunday before it, for EC2', () => {
    const ratio = sumOn(scenario.records, '2026-08-10', EC2) / sumOn(scenario.records, '2026-08-09', EC2);
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2);
  });

  it('posts each charge on the 1st under its record type, and hosted zones as usage', () => {
    const first = scenario.records.filter((r) => r.date === '2026-09-01').map((r) => r.recordType);
    const postings = ['Tax', 'Support fee', 'Recurring reservation fee', 'Savings Plan Recurring Fee', 'Credit'];
    expect(first).toEqual(expect.arrayContaining(postings));
    expect(scenario.records.filter((r) => r.date === '2026-09-02' && r.recordType === 'Tax')).toEqual([]);
    expect(sumOn(scenario.records, '2026-09-01', 'Amazon Route 53')).toBeGreaterThan(50);
  });

  it('plants every kind of anomaly in the last two months, with ground truth', () => {
    expect(scenario.anomalies.map((a) => a.kind).sort()).toEqual([
      'charge',
      'drift',
      'level-shift',
      'monday-spike',
      'new-service',
      'weekday-spike',
      'weekend-spike',
    ]);
    expect(scenario.anomalies.every((a) => a.start >= '2026-10-01' && a.end <= scenario.end)).toBe(true);
    expect(realisticScenario({ anomalies: false }).records.some((r) => r.service === 'Amazon SageMaker')).toBe(false);
  });
});
