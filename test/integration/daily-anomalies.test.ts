import { readFileSync } from 'node:fs';
import type { Anomaly } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { startDailyWorld, type DailyWorld } from '../support/daily-world.js';

const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';

const anomaly = (id: string, service: string, start: string, end: string, impact: number): Anomaly => ({
  AnomalyId: id,
  AnomalyStartDate: `${start}T00:00:00Z`,
  AnomalyEndDate: `${end}T00:00:00Z`,
  AnomalyScore: { MaxScore: 91.5, CurrentScore: 70 },
  Impact: {
    MaxImpact: impact,
    TotalImpact: impact,
    TotalActualSpend: impact + 100,
    TotalExpectedSpend: 100,
    TotalImpactPercentage: impact,
  },
  MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/services',
  RootCauses: [
    {
      Service: service,
      Region: 'us-east-1',
      LinkedAccount: '123456789012',
      UsageType: service === EC2 ? 'USE1-BoxUsage:p3.2xlarge' : 'USE1-Crawler-DPU-Hour',
    },
  ],
});

let w: DailyWorld;
beforeAll(async () => {
  w = await startDailyWorld();
});
afterAll(() => w?.stop());
beforeEach(async () => {
  w.ce.setDataset(dailySpendScenario({ spikeDay: DAY }), {
    anomalies: [
      anomaly('ec2-p3', EC2, '2026-11-20', '2026-11-20', 215.4),
      anomaly('glue-crawler', 'AWS Glue', '2026-11-19', '2026-11-20', 48.2),
      anomaly('lambda-blip', 'AWS Lambda', '2026-11-20', '2026-11-20', 2),
    ],
  });
  w.ce.resetRequests();
  w.slack.reset();
  await w.topic.receive();
});

type Spike = {
  key: string;
  scope: string;
  severity: string;
  anomaly?: { id: string; score: number; impact: number; rootCauses: Array<{ service: string; usageType: string }> };
};

describe('daily-spend with AWS Cost Anomaly Detection (dailySpend.anomalies)', () => {
  it(
    'attaches the matching anomaly to its spike, alerts the unexplained one once, ignores one under minDelta',
    { timeout: 60_000 },
    async () => {
      const file = await w.config({ dailySpend: { anomalies: true } });

      const { code, json, stderr } = await w.run(DAY, file);

      expect(code, stderr).toBe(0);
      const ec2 = json.spikes.find((s: Spike) => s.key === EC2);
      expect(ec2.anomaly).toMatchObject({
        id: 'ec2-p3',
        score: 91.5,
        impact: 215.4,
        rootCauses: [{ service: EC2, usageType: 'USE1-BoxUsage:p3.2xlarge' }],
      });
      const own = json.spikes.filter((s: Spike) => s.scope === 'anomaly');
      expect(own).toEqual([
        expect.objectContaining({ key: 'glue-crawler', severity: 'warning', anomaly: expect.objectContaining({ impact: 48.2 }) }),
      ]);
      expect(json.costExplorerRequests).toBe(3);
      const getAnomalies = w.ce.requests.filter((r) => r.operation === 'GetAnomalies');
      expect(getAnomalies.map((r) => r.body.DateInterval)).toEqual([{ StartDate: '2026-11-18', EndDate: DAY }]);
      const text = w.slack.messages[0]!.text;
      expect(text).toContain(
        'AWS anomaly ec2-p3 (score 92, impact $215.40): Amazon Elastic Compute Cloud - Compute / 123456789012 / us-east-1 / USE1-BoxUsage:p3.2xlarge',
      );
      expect(text).toContain('AWS anomaly glue-crawler');
      expect(text).not.toContain('lambda-blip');
      expect(json.spikes.some((s: object) => 'anomalyId' in s)).toBe(false);
      const ddb = new DynamoDBClient(w.aws.clientConfig);
      const table = JSON.parse(readFileSync(file, 'utf8')).ledgerTable;
      const items = (await ddb.send(new ScanCommand({ TableName: table }))).Items ?? [];
      ddb.destroy();
      const anomalyOf = (key: string) => items.find((i) => i.key?.S === key && i.channel?.S === 'slack')?.anomalyId?.S;
      // The ledger keeps each alert's anomaly for the "expected" button; the result JSON stays as it was.
      expect([anomalyOf(EC2), anomalyOf('glue-crawler')]).toEqual(['ec2-p3', 'glue-crawler']);

      const again = await w.run(DAY, file);

      expect(
        again.json.deliveries
          .filter((d: { alertId: string }) => d.alertId.includes('glue-crawler'))
          .map((d: { status: string }) => d.status),
      ).toEqual(['duplicate', 'duplicate']);
      expect(w.slack.messages).toHaveLength(1);
    },
  );

  it('makes no GetAnomalies request unless anomalies are turned on', async () => {
    const { json } = await w.run(DAY, await w.config(), ['--dry-run']);

    expect(w.ce.requests.map((r) => r.operation)).toEqual(['GetCostAndUsage', 'GetCostAndUsage']);
    expect(json.spikes.some((s: Spike) => s.anomaly || s.scope === 'anomaly')).toBe(false);
  });

  it.each([
    ['denied', () => w.ce.failNext('AccessDeniedException', 1, undefined, 'GetAnomalies')],
    ['not set up', () => w.ce.setAnomalies(null)],
  ])('still sends the spikes with one clear warning when GetAnomalies is %s, exit 0', async (_name, fault) => {
    fault();

    const { code, json, stderr } = await w.run(DAY, await w.config({ dailySpend: { anomalies: true } }));

    expect(code).toBe(0);
    expect(json.warnings).toEqual([
      expect.stringMatching(/^anomalies: AWS Cost Anomaly Detection could not be read \(denied, or not set up for this account\)/),
    ]);
    expect(stderr.match(/Cost Anomaly Detection could not be read/g)).toHaveLength(1);
    expect(json.spikes.find((s: Spike) => s.key === EC2).anomaly).toBeUndefined();
    expect(w.slack.messages).toHaveLength(1);
    expect(json.costExplorerRequests).toBe(3);
  });

  it('follows GetAnomalies pages as AWS requires', async () => {
    w.ce.setAnomalies(
      Array.from({ length: 5 }, (_, i) => anomaly(`svc-${i}`, `Service ${i}`, DAY, DAY, 20 + i)),
      2,
    );

    const { json } = await w.run(DAY, await w.config({ dailySpend: { anomalies: true } }), ['--dry-run']);

    expect(json.spikes.filter((s: Spike) => s.scope === 'anomaly').map((s: Spike) => s.key)).toEqual([
      'svc-4',
      'svc-3',
      'svc-2',
      'svc-1',
      'svc-0',
    ]);
    expect(w.ce.requests.filter((r) => r.operation === 'GetAnomalies')).toHaveLength(3);
    expect(json.costExplorerRequests).toBe(5);
  });
});
