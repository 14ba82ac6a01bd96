import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { putDailyUnits } from '../../emulators/unit-metric.js';
import { startDailyWorld, type DailyWorld } from '../support/daily-world.js';

const DAY = '2026-11-20';
const metric = { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' }, stat: 'Sum', region: 'us-east-1' };
const unitCost = (target: number, m: Partial<typeof metric> = {}) => ({ unitCost: { unit: 'lead', target, metric: { ...metric, ...m } } });

let w: DailyWorld;
beforeAll(async () => {
  w = await startDailyWorld();
  const cw = new CloudWatchClient({ ...w.aws.clientConfig, disableRequestCompression: true });
  await putDailyUnits(cw, metric, { '2026-11-19': 16_000, [DAY]: 10_000 });
  await putDailyUnits(cw, { ...metric, metricName: 'LeadsZero' }, { [DAY]: 0 });
  cw.destroy();
});
afterAll(() => w?.stop());
beforeEach(async () => {
  w.ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
  w.slack.reset();
  await w.topic.receive();
});

const sig4 = (n: number) => Number(n.toPrecision(4));

describe('daily-spend unit cost (unitCost)', () => {
  it('reports the day’s cost per unit and the day before’s from one GetMetricData call, and shows it on the total line', async () => {
    const { code, json, stderr } = await w.run(DAY, await w.config(unitCost(1)));

    expect(code, stderr).toBe(0);
    expect(json.unitCost).toEqual({
      unit: 'lead',
      units: 10_000,
      costPerUnit: sig4(json.total.amount / 10_000),
      target: 1,
      previousCostPerUnit: sig4(json.total.previous / 16_000),
    });
    expect(json.cloudWatchRequests).toBe(1);
    expect(json.spikes.some((s: { scope: string }) => s.scope === 'unit-cost')).toBe(false);
    expect(w.slack.messages[0]!.text).toMatch(new RegExp(`\\$${json.unitCost.costPerUnit} per lead \\(target \\$1(\\.00)?\\)`));
  });

  it.each([
    ['warning', 0.1, 'warning'],
    ['critical above target × (1 + criticalPct/100)', 0.05, 'critical'],
  ])('alerts %s once per day and severity, keyed by the unit', { timeout: 60_000 }, async (_name, target, severity) => {
    const file = await w.config(unitCost(target));

    const { code, json } = await w.run(DAY, file);
    const again = await w.run(DAY, file);

    expect(code).toBe(0);
    const alert = json.spikes.find((s: { scope: string }) => s.scope === 'unit-cost');
    expect(alert).toMatchObject({ key: 'lead', severity, date: DAY, amount: json.unitCost.costPerUnit, previous: target });
    expect(json.deliveries.filter((d: { alertId: string }) => d.alertId === `daily-spend|unit-cost|lead|${DAY}|${severity}`)).toHaveLength(
      2,
    );
    expect(w.slack.messages[0]!.text).toMatch(new RegExp(`Cost per lead \\$${json.unitCost.costPerUnit} vs target`));
    expect(
      again.json.deliveries
        .filter((d: { alertId: string }) => d.alertId.includes('unit-cost'))
        .every((d: { status: string }) => d.status === 'duplicate'),
    ).toBe(true);
  });

  it.each([
    ['missing', { metricName: 'NoSuchMetric' }, /has no datapoints on 2026-11-20/],
    ['0 for the day', { metricName: 'LeadsZero' }, /is 0 on 2026-11-20/],
  ])('gives costPerUnit null and no alert when the metric is %s, exit 0', async (_name, m, warning) => {
    const { code, json } = await w.run(DAY, await w.config(unitCost(0.0001, m)), ['--dry-run']);

    expect(code).toBe(0);
    expect(json.unitCost).toMatchObject({ units: 0, costPerUnit: null, previousCostPerUnit: null });
    expect(json.spikes.some((s: { scope: string }) => s.scope === 'unit-cost')).toBe(false);
    expect(json.warnings).toEqual([expect.stringMatching(warning)]);
  });

  it('still alerts the spikes, with a warning and units null, when CloudWatch cannot be reached', { timeout: 60_000 }, async () => {
    const { code, json, stderr } = await w.run(DAY, await w.config(unitCost(0.0001)), ['--dry-run'], {
      AWS_ENDPOINT_URL_CLOUDWATCH: 'http://127.0.0.1:9',
    });

    expect(code, stderr).toBe(0);
    expect(json.unitCost).toEqual({ unit: 'lead', units: null, costPerUnit: null, target: 0.0001, previousCostPerUnit: null });
    expect(json.warnings).toEqual([expect.stringMatching(/^unit cost: cannot read LeadRouter\/LeadsDistributed/)]);
    expect(json.spikes.some((s: { scope: string }) => s.scope === 'unit-cost')).toBe(false);
    expect(json.spikes.length).toBeGreaterThan(0);
  });

  it('makes no CloudWatch call without unitCost', async () => {
    const { json } = await w.run(DAY, await w.config(), ['--dry-run']);

    expect(json.cloudWatchRequests).toBe(0);
    expect(json.unitCost).toBeUndefined();
  });
});
