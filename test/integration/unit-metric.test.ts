import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { putDailyUnits } from '../../emulators/unit-metric.js';
import { dailyUnits } from '../../shared/aws/unit-metric.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const metric = { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' }, stat: 'Sum' as const };

describe('dailyUnits against moto', () => {
  let aws: TestAws;
  let cw: CloudWatchClient;
  let calls: string[];

  beforeAll(async () => {
    aws = await awsEnvFor();
    cw = new CloudWatchClient({ ...aws.clientConfig, disableRequestCompression: true });
    calls = [];
    cw.middlewareStack.add((next, context) => async (args) => (calls.push(String(context.commandName)), next(args)), {
      step: 'initialize',
    });
    await putDailyUnits(cw, metric, { '2026-03-01': 1000, '2026-03-02': 1200, '2026-03-04': 800 });
    // Same metric in another environment: the dimension filter must leave it out.
    await putDailyUnits(cw, { ...metric, dimensions: { Env: 'staging' } }, { '2026-03-01': 50_000 });
    calls.length = 0;
  });

  it('sums each UTC day with one GetMetricData call, 0 for a day without data', async () => {
    const units = await dailyUnits(cw, metric, '2026-03-01', '2026-03-06');

    expect(Object.fromEntries(units.byDay)).toEqual({
      '2026-03-01': 1000,
      '2026-03-02': 1200,
      '2026-03-03': 0,
      '2026-03-04': 800,
      '2026-03-05': 0,
    });
    expect([...units.reported].sort()).toEqual(['2026-03-01', '2026-03-02', '2026-03-04']);
    expect(units.requests).toBe(1);
    expect(calls).toEqual(['GetMetricDataCommand']);
  });

  it('covers a single day and a whole month alike', async () => {
    const day = await dailyUnits(cw, metric, '2026-03-02', '2026-03-03');
    const month = await dailyUnits(cw, metric, '2026-03-01', '2026-04-01');

    expect(Object.fromEntries(day.byDay)).toEqual({ '2026-03-02': 1200 });
    expect(month.byDay.size).toBe(31);
    expect([...month.byDay.values()].reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('reports 0 units, not an error, for a metric that does not exist', async () => {
    const units = await dailyUnits(cw, { ...metric, metricName: 'NoSuchMetric' }, '2026-03-01', '2026-03-03');

    expect(Object.fromEntries(units.byDay)).toEqual({ '2026-03-01': 0, '2026-03-02': 0 });
    expect(units.reported.size).toBe(0);
  });
});
