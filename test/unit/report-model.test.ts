import { describe, expect, it } from 'vitest';
import { parseFindings, pickFindingsKey } from '../../shared/report/findings.js';
import { buildReportModel, CHART_BARS, MOVERS, reportThrough, tagValue, type ReportData } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';

const data = (over: Partial<ReportData> = {}): ReportData =>
  reportData({
    current: new Map([
      ['EC2', 150],
      ['S3', 40],
      ['EKS', 25],
    ]),
    previous: new Map([
      ['EC2', 100],
      ['S3', 50],
      ['Lambda', 10],
    ]),
    daily: new Map([['2026-03-02', 12.345]]),
    ...over,
  });

describe('report model', () => {
  it('compares each service with the month before, biggest first', () => {
    const model = buildReportModel(data());

    expect(model.services.map((s) => [s.key, s.amount, s.previous, s.change, s.changePct])).toEqual([
      ['EC2', 150, 100, 50, 50],
      ['S3', 40, 50, -10, -20],
      ['EKS', 25, 0, 25, null],
      ['Lambda', 0, 10, -10, -100],
    ]);
    expect(model.total).toMatchObject({ amount: 215, previous: 160, change: 55, changePct: 34.4 });
  });

  it('ranks movers up and down by the size of the change', () => {
    const model = buildReportModel(data());

    expect(model.moversUp.map((l) => l.key)).toEqual(['EC2', 'EKS']);
    expect(model.moversDown.map((l) => l.key)).toEqual(['Lambda', 'S3']);
  });

  it(`keeps at most ${MOVERS} movers each way`, () => {
    const current = new Map(Array.from({ length: 12 }, (_, i) => [`svc-${i}`, 100 + i] as const));

    const model = buildReportModel(data({ current, previous: new Map() }));

    expect(model.moversUp).toHaveLength(MOVERS);
    expect(model.moversUp[0]?.key).toBe('svc-11');
  });

  it(`folds services beyond the ${CHART_BARS} biggest into one "Other" bar that keeps the totals`, () => {
    const current = new Map(Array.from({ length: 20 }, (_, i) => [`svc-${i}`, i + 1] as const));

    const model = buildReportModel(data({ current, previous: new Map() }));

    expect(model.chart).toHaveLength(CHART_BARS + 1);
    expect(model.chart.at(-1)?.key).toBe(`Other (${20 - CHART_BARS} services)`);
    expect(model.chart.reduce((sum, l) => sum + l.amount, 0)).toBeCloseTo(model.total.amount, 2);
  });

  it('fills every day of the month, zero where Cost Explorer had nothing', () => {
    const model = buildReportModel(data());

    expect(model.daily).toHaveLength(31);
    expect(model.daily[1]).toEqual({ date: '2026-03-02', amount: 12.35 });
    expect(model.daily[0]).toEqual({ date: '2026-03-01', amount: 0 });
  });

  it('says a month with no spend is empty, and drops services that round to zero', () => {
    const model = buildReportModel(data({ current: new Map([['Tax', 0.001]]), previous: new Map() }));

    expect(model.empty).toBe(true);
    expect(model.services).toEqual([]);
  });

  it('names tag values, untagged spend included', () => {
    expect(tagValue('team', 'team$core')).toBe('core');
    expect(tagValue('team', 'team$')).toBe('(untagged)');
  });

  it('covers a running month only through today', () => {
    expect(reportThrough('2026-04', '2026-04-15')).toBe('2026-04-15');
    expect(reportThrough('2026-03', '2026-04-15')).toBe('2026-03-31');
    expect(reportThrough('2024-02', '2026-04-15')).toBe('2024-02-29');
  });
});

describe('report idle findings', () => {
  const keys = [
    'findings/idle-resources/2026-02-20.json',
    'findings/idle-resources/2026-03-30.json',
    'findings/idle-resources/2026-04-02.json',
    'findings/other.json',
  ];

  it('takes the newest findings dated within or before the month', () => {
    expect(pickFindingsKey(keys, '2026-03')).toEqual({ key: keys[1], date: '2026-03-30' });
    expect(pickFindingsKey(keys, '2026-01')).toBeUndefined();
  });

  it('lists idle instances and unattached volumes, most expensive first', () => {
    const waste = parseFindings(
      {
        idleInstances: [{ id: 'i-1', region: 'us-east-1', instanceType: 'm5.large', avgCpuPct: 1.25, estimatedMonthlyCost: 70.08 }],
        unattachedVolumes: [{ id: 'vol-1', region: 'eu-west-1', sizeGiB: 1000, volumeType: 'gp2', estimatedMonthlyCost: 100 }],
        estimatedMonthlySavings: 170.08,
      },
      'k',
      '2026-03-30',
    );

    expect(waste.items.map((w) => [w.id, w.kind, w.detail])).toEqual([
      ['vol-1', 'unattached volume', '1000 GiB gp2'],
      ['i-1', 'idle instance', 'm5.large, avg CPU 1.3%'],
    ]);
    expect(waste.estimatedMonthlySavings).toBe(170.08);
  });

  it('keeps an item of unknown price, last, without guessing a cost', () => {
    const waste = parseFindings(
      {
        idleInstances: [{ id: 'i-new', region: 'us-east-1', instanceType: 'x9z.huge', avgCpuPct: 1, estimatedMonthlyCost: null }],
        unattachedVolumes: [{ id: 'vol-1', region: 'us-east-1', sizeGiB: 10, volumeType: 'gp3', estimatedMonthlyCost: 0.8 }],
        estimatedMonthlySavings: 0.8,
      },
      'k',
      '2026-03-30',
    );

    expect(waste.items.map((w) => [w.id, w.estimatedMonthlyCost])).toEqual([
      ['vol-1', 0.8],
      ['i-new', null],
    ]);
  });

  it('names the missing field of a findings object that is not an idle-resources result', () => {
    expect(() => parseFindings({ idleInstances: [] }, 'findings/idle-resources/2026-03-30.json', '2026-03-30')).toThrow(
      /2026-03-30\.json.*unattachedVolumes/,
    );
  });
});
