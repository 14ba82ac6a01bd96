import {
  CostExplorerClient,
  GetAnomaliesCommand,
  GetCostAndUsageCommand,
  paginateGetAnomalies,
  type Anomaly,
} from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/index.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
const EC2 = 'Amazon Elastic Compute Cloud - Compute';

const anomaly = (id: string, start: string, end: string, impact: number, extra: Partial<Anomaly> = {}): Anomaly => ({
  AnomalyId: id,
  AnomalyStartDate: start,
  AnomalyEndDate: end,
  AnomalyScore: { MaxScore: 80, CurrentScore: 60 },
  Impact: { MaxImpact: impact, TotalImpact: impact },
  MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/services',
  RootCauses: [{ Service: EC2, Region: 'us-east-1', LinkedAccount: '123456789012', UsageType: 'USE1-BoxUsage:p3.2xlarge' }],
  ...extra,
});

describe('cost explorer double: usage types and anomalies', () => {
  let double: CostExplorerDouble;
  let ce: CostExplorerClient;

  beforeAll(async () => {
    double = await startCostExplorerDouble();
    ce = new CostExplorerClient({ endpoint: double.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    ce.destroy();
    await double.stop();
  });
  beforeEach(() => {
    double.resetRequests();
    double.setDataset([
      { date: '2026-11-20', service: EC2, usageType: 'USE1-BoxUsage:p3.2xlarge', amount: 230 },
      { date: '2026-11-20', service: EC2, usageType: 'USE1-BoxUsage:m5.large', amount: 100 },
      { date: '2026-11-20', service: 'Amazon Simple Storage Service', usageType: 'USE1-Requests-Tier1', amount: 7 },
      { date: '2026-11-20', service: 'AWS Lambda', amount: 1 },
    ]);
    double.setAnomalies([
      anomaly('a1', '2026-11-18', '2026-11-20', 230),
      anomaly('a2', '2026-11-10', '2026-11-12', 50, { Feedback: 'YES' }),
      anomaly('a3', '2026-11-19', '2026-11-19', 5, { MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/other' }),
    ]);
  });

  it('groups by USAGE_TYPE within SERVICE and filters on it', async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-11-20', End: '2026-11-21' },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
        GroupBy: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
        ],
        Filter: { Dimensions: { Key: 'USAGE_TYPE', Values: ['USE1-BoxUsage'], MatchOptions: ['STARTS_WITH'] } },
      }),
    );

    expect(out.ResultsByTime?.[0]?.Groups?.map((g) => [g.Keys, g.Metrics?.UnblendedCost?.Amount])).toEqual([
      [[EC2, 'USE1-BoxUsage:m5.large'], '100'],
      [[EC2, 'USE1-BoxUsage:p3.2xlarge'], '230'],
    ]);
  });

  it('returns anomalies whose end date falls in DateInterval, filtered by monitor, feedback and impact', async () => {
    const run = (extra = {}) =>
      ce
        .send(new GetAnomaliesCommand({ DateInterval: { StartDate: '2026-11-18', EndDate: '2026-11-20' }, ...extra }))
        .then((o) => o.Anomalies?.map((a) => a.AnomalyId));

    expect(await run()).toEqual(['a1', 'a3']);
    expect(await run({ MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/services' })).toEqual(['a1']);
    expect(await run({ TotalImpact: { NumericOperator: 'GREATER_THAN_OR_EQUAL', StartValue: 10 } })).toEqual(['a1']);
    expect(await run({ TotalImpact: { NumericOperator: 'BETWEEN', StartValue: 1, EndValue: 10 } })).toEqual(['a3']);
    const feedback = await ce.send(new GetAnomaliesCommand({ DateInterval: { StartDate: '2026-11-01' }, Feedback: 'YES' }));
    expect(feedback.Anomalies?.map((a) => a.AnomalyId)).toEqual(['a2']);
  });

  it('pages with NextPageToken, which the SDK paginator follows', async () => {
    double.setAnomalies(
      Array.from({ length: 7 }, (_, i) => anomaly(`p${i}`, '2026-11-20', '2026-11-20', i)),
      3,
    );

    const ids: string[] = [];
    for await (const page of paginateGetAnomalies({ client: ce }, { DateInterval: { StartDate: '2026-11-20', EndDate: '2026-11-20' } }))
      ids.push(...(page.Anomalies ?? []).map((a) => a.AnomalyId!));

    expect(ids).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(double.requests.filter((r) => r.operation === 'GetAnomalies')).toHaveLength(3);
  });

  it('answers an error when Cost Anomaly Detection is not set up', async () => {
    double.setAnomalies(null);

    const attempt = ce.send(new GetAnomaliesCommand({ DateInterval: { StartDate: '2026-11-20' } }));

    await expect(attempt).rejects.toThrow(/not enabled/);
  });

  it('injects a fault into one operation, or one GroupBy, leaving the others alone', async () => {
    double.failNext('AccessDeniedException', 1, undefined, 'GetAnomalies');
    double.failNext('ThrottlingException', 1, undefined, { groupBy: 'USAGE_TYPE' });
    const byService = {
      TimePeriod: { Start: '2026-11-20', End: '2026-11-21' },
      Granularity: 'DAILY' as const,
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION' as const, Key: 'SERVICE' }],
    };

    await expect(ce.send(new GetCostAndUsageCommand(byService))).resolves.toBeDefined();
    await expect(ce.send(new GetAnomaliesCommand({ DateInterval: { StartDate: '2026-11-20' } }))).rejects.toThrow(/ce:GetAnomalies/);
    const byUsage = { ...byService, GroupBy: [...byService.GroupBy, { Type: 'DIMENSION' as const, Key: 'USAGE_TYPE' }] };
    await expect(ce.send(new GetCostAndUsageCommand(byUsage))).rejects.toMatchObject({ name: 'ThrottlingException' });
    await expect(ce.send(new GetCostAndUsageCommand(byUsage))).resolves.toBeDefined();
  });
});
