import { describe, expect, it } from 'vitest';
import { costExplorerUrl } from '../../shared/aws/console-url.js';
import { matchAnomalies, type AnomalyRef } from '../../shared/detect/anomalies.js';
import { driversFor, planDrivers, type DriverTarget } from '../../shared/detect/drivers.js';
import { forecastMonthEnd } from '../../shared/detect/forecast.js';
import { driversFilter } from '../../shared/jobs/daily-spend/drivers.js';

const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';
const t = (service: string, account: string | null = null, date = '2026-11-20'): DriverTarget => ({ date, service, account });

describe('drivers', () => {
  it('compares each usage type with the spike’s baseline and keeps the 3 largest increases', () => {
    const day = (d: string, m: Record<string, number>) => [d, new Map(Object.entries(m).map(([k, v]) => [`${EC2}|${k}`, v]))] as const;
    const usage = new Map([
      day('2026-11-19', { a: 100, b: 50, c: 10, d: 5, e: 80 }),
      day('2026-11-20', { a: 110, b: 90, c: 30, d: 6, e: 20, f: 7 }),
    ]);

    const drivers = driversFor(t(EC2), EC2, usage, 'previous-day');

    expect(drivers).toEqual([
      { usageType: 'b', amount: 90, previous: 50, delta: 40 },
      { usageType: 'c', amount: 30, previous: 10, delta: 20 },
      { usageType: 'a', amount: 110, previous: 100, delta: 10 },
    ]);
  });

  it('asks for the baseline days too, and nothing without a target', () => {
    expect(planDrivers([t(EC2, null, '2026-11-18'), t(S3)], 'median-7')).toMatchObject({
      start: '2026-11-11',
      endExclusive: '2026-11-21',
      groupBy: 'SERVICE',
    });
    expect(planDrivers([], 'previous-day')).toBeUndefined();
  });

  it('in an organization, filters each service to the accounts where it spiked', () => {
    const plan = planDrivers([t(EC2, '111111111111'), t(S3, '222222222222')], 'previous-day')!;

    expect(plan.groupBy).toBe('SERVICE');
    expect(plan.select).toEqual([
      { group: EC2, others: ['111111111111'] },
      { group: S3, others: ['222222222222'] },
    ]);
    expect(JSON.stringify(driversFilter(plan))).toContain(
      JSON.stringify({
        And: [{ Dimensions: { Key: 'SERVICE', Values: [EC2] } }, { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['111111111111'] } }],
      }),
    );
  });

  it('groups by account when one service spikes in several accounts, each with only that service', () => {
    const plan = planDrivers([t(EC2, '111111111111'), t(EC2, '222222222222')], 'previous-day')!;

    expect(plan.groupBy).toBe('LINKED_ACCOUNT');
    expect(plan.keyOf(t(EC2, '222222222222'))).toBe('222222222222');
  });

  it('leaves out spikes one request cannot separate rather than mixing accounts', () => {
    const targets = [t(EC2, '111111111111'), t(EC2, '222222222222'), t(S3, '111111111111'), t(S3, '222222222222')];

    expect(planDrivers(targets, 'previous-day')).toBeUndefined();
  });
});

describe('forecast', () => {
  it('adds the days left times the last 7 days’ average to the month to date', () => {
    const totalOn = (d: string) => (d >= '2026-11-14' ? 200 : 100);

    // 20 days: 13 × 100 + 7 × 200 = 2,700; 10 days left × 200.
    expect(forecastMonthEnd('2026-11-20', totalOn)).toBe(4700);
    expect(forecastMonthEnd('2026-11-30', () => 10)).toBe(300);
  });
});

describe('anomalies', () => {
  const a = (id: string, service: string, start: string, end: string | null, impact: number, account = '123456789012'): AnomalyRef => ({
    id,
    score: 80,
    impact,
    rootCauses: [{ service, region: 'us-east-1', account, accountName: null, usageType: null, contribution: null }],
    startDate: start,
    endDate: end,
    actualSpend: null,
    expectedSpend: null,
    impactPct: null,
  });

  it('attaches an anomaly whose root cause names the service and whose dates cover the spike; the rest above minDelta alert', () => {
    const anomalies = [
      a('big', EC2, '2026-11-19', '2026-11-20', 230),
      a('small', EC2, '2026-11-20', null, 40),
      a('glue', 'AWS Glue', '2026-11-20', '2026-11-20', 50),
      a('tiny', 'AWS Glue', '2026-11-20', '2026-11-20', 3),
      a('old', S3, '2026-11-10', '2026-11-12', 90),
    ];

    const m = matchAnomalies([t(EC2), t(S3)], anomalies, 10);

    expect(m.attached.map((x) => x?.id)).toEqual(['big', undefined]);
    expect(m.unmatched.map((x) => x.id)).toEqual(['old', 'glue']);
  });

  it('in an organization, matches the account too', () => {
    const m = matchAnomalies([t(EC2, '111111111111')], [a('x', EC2, '2026-11-20', '2026-11-20', 99, '222222222222')], 10);

    expect(m.attached).toEqual([undefined]);
    expect(m.unmatched.map((x) => x.id)).toEqual(['x']);
  });
});

describe('console link', () => {
  it('filters to service and account, daily, 14 days, in the console’s metric name', () => {
    const url = costExplorerUrl({ date: '2026-11-20', metric: 'AmortizedCost', service: EC2, account: '111111111111' });
    const params = new URLSearchParams(url.split('#/cost-explorer?')[1]);

    expect(params.get('costAggregate')).toBe('amortizedCost');
    expect(params.get('startDate')).toBe('2026-11-07');
    expect(JSON.parse(params.get('filter')!).map((f: { dimension: { id: string } }) => f.dimension.id)).toEqual([
      'RecordTypeV2',
      'Service',
      'LinkedAccount',
    ]);
    expect(JSON.parse(params.get('groupBy')!)).toEqual(['UsageType']);
  });
});
