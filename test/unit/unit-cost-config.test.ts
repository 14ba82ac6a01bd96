import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { runCli } from '../support/cli.js';

const valid = {
  unit: 'lead',
  target: 0.05,
  metric: { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' }, stat: 'Sum', region: 'us-east-1' },
};

function messageOf(raw: unknown): string {
  try {
    parseConfig(raw);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('unitCost config', () => {
  it('accepts the contract example and is absent by default', () => {
    expect(parseConfig({ unitCost: valid }).unitCost).toEqual(valid);
    expect(parseConfig({}).unitCost).toBeUndefined();
  });

  it('defaults stat to Sum, dimensions to none and leaves region to the job', () => {
    const c = parseConfig({ unitCost: { unit: 'order', target: 1, metric: { namespace: 'Shop', metricName: 'Orders' } } });
    expect(c.unitCost?.metric).toEqual({ namespace: 'Shop', metricName: 'Orders', dimensions: {}, stat: 'Sum' });
  });

  it.each([
    [{ ...valid, target: 0 }, /unitCost\.target: expected a number above 0/],
    [{ ...valid, target: '0.05' }, /unitCost\.target: expected a number/],
    [{ ...valid, unit: '' }, /unitCost\.unit: expected a unit name/],
    [{ target: 0.05, metric: valid.metric }, /unitCost\.unit: expected a unit name/],
    [{ unit: 'lead', target: 0.05 }, /unitCost\.metric: expected an object \{ namespace, metricName/],
    [{ ...valid, metric: { ...valid.metric, namespace: undefined } }, /unitCost\.metric\.namespace: expected a CloudWatch namespace/],
    [{ ...valid, metric: { ...valid.metric, stat: 'p99' } }, /unitCost\.metric\.stat: expected one of Sum, SampleCount/],
    [{ ...valid, metric: { ...valid.metric, region: 'mars' } }, /unitCost\.metric\.region: expected an AWS region name/],
    [{ ...valid, metric: { ...valid.metric, dimensions: { Env: 3 } } }, /unitCost\.metric\.dimensions\.Env: expected a dimension value/],
    [{ ...valid, metric: { ...valid.metric, Stat: 'Sum' } }, /unitCost\.metric\.Stat: unknown key/],
    [{ ...valid, targt: 1 }, /unitCost\.targt: unknown key/],
  ])('names the bad key: %j', (unitCost, expected) => {
    expect(messageOf({ unitCost })).toMatch(expected);
  });

  it('takes dailySpend.anomalies as true or false only', () => {
    expect(parseConfig({ dailySpend: { anomalies: true } }).dailySpend.anomalies).toBe(true);
    expect(messageOf({ dailySpend: { anomalies: 'yes' } })).toMatch(/dailySpend\.anomalies: expected true or false/);
  });

  it('exits 2 from the CLI naming the key, before any AWS call', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cw-unit-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ unitCost: { ...valid, target: -1 } }));

    const { code, stderr, stdout } = await runCli(['run', 'daily-spend', '--config', file, '--json']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/unitCost\.target: expected a number above 0/);
  });
});
