import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble, type CostRecord } from '../../emulators/index.js';

const dataset: CostRecord[] = [
  { date: '2024-03-01', service: 'Amazon EC2', amount: 100, tags: { team: 'core' } },
  { date: '2024-03-01', service: 'Amazon S3', amount: 20.5 },
  { date: '2024-03-02', service: 'Amazon EC2', amount: 150, tags: { team: 'core' } },
  { date: '2024-03-02', service: 'Amazon EC2', amount: -30, recordType: 'Credit' },
  { date: '2024-03-02', service: 'Amazon S3', amount: -5, recordType: 'Refund' },
  { date: '2024-03-03', service: 'Amazon RDS', amount: 40, tags: { team: 'data' } },
  { date: '2024-04-02', service: 'Amazon EC2', amount: 7 },
];

const ask = (input: Partial<GetCostAndUsageCommandInput>): GetCostAndUsageCommandInput => ({
  TimePeriod: { Start: '2024-03-01', End: '2024-03-04' },
  Granularity: 'DAILY',
  Metrics: ['UnblendedCost'],
  ...input,
});

const totals = (results: ResultByTime[] = []) => results.map((r) => [r.TimePeriod?.Start, r.Total?.UnblendedCost?.Amount]);

const groups = (result: ResultByTime | undefined) =>
  (result?.Groups ?? []).map((g) => [...(g.Keys ?? []), g.Metrics?.UnblendedCost?.Amount]);

describe('cost explorer double', () => {
  let double: CostExplorerDouble;
  let ce: CostExplorerClient;

  beforeAll(async () => {
    double = await startCostExplorerDouble();
    ce = new CostExplorerClient({
      endpoint: double.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    });
  });
  afterAll(async () => {
    ce.destroy();
    await double.stop();
  });
  beforeEach(() => {
    double.setDataset(dataset);
    double.resetRequests();
    double.pageSize = 5000;
  });

  it('treats TimePeriod End as exclusive', async () => {
    const input = ask({ TimePeriod: { Start: '2024-03-01', End: '2024-03-03' } });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(totals(answer.ResultsByTime)).toEqual([
      ['2024-03-01', '120.5'],
      ['2024-03-02', '115'],
    ]);
    expect(answer.ResultsByTime?.[0]?.Total?.UnblendedCost?.Unit).toBe('USD');
  });

  it('buckets MONTHLY results by calendar month clipped to the period', async () => {
    const input = ask({ TimePeriod: { Start: '2024-02-15', End: '2024-04-10' }, Granularity: 'MONTHLY' });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(answer.ResultsByTime?.map((r) => r.TimePeriod)).toEqual([
      { Start: '2024-02-15', End: '2024-03-01' },
      { Start: '2024-03-01', End: '2024-04-01' },
      { Start: '2024-04-01', End: '2024-04-10' },
    ]);
    expect(totals(answer.ResultsByTime).map(([, amount]) => amount)).toEqual(['0', '275.5', '7']);
  });

  it('groups by SERVICE with an empty Total, as AWS does', async () => {
    const input = ask({ GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }] });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    const day2 = answer.ResultsByTime?.[1];
    expect(groups(day2)).toEqual([
      ['Amazon EC2', '120'],
      ['Amazon S3', '-5'],
    ]);
    expect(day2?.Total).toEqual({});
    expect(answer.GroupDefinitions).toEqual([{ Type: 'DIMENSION', Key: 'SERVICE' }]);
    expect(answer.DimensionValueAttributes).toEqual([]);
  });

  it('keys TAG groups as key$value, and key$ for untagged spend', async () => {
    const input = ask({
      TimePeriod: { Start: '2024-03-01', End: '2024-04-01' },
      Granularity: 'MONTHLY',
      GroupBy: [{ Type: 'TAG', Key: 'team' }],
    });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(groups(answer.ResultsByTime?.[0])).toEqual([
      ['team$', '-14.5'],
      ['team$core', '250'],
      ['team$data', '40'],
    ]);
  });

  it('knows only the tags activated as cost allocation tags: another key groups every cost under key$, and filters see no value', async () => {
    double.setDataset(dataset, { costAllocationTags: ['env'] });
    const month = { TimePeriod: { Start: '2024-03-01', End: '2024-04-01' }, Granularity: 'MONTHLY' as const };

    const grouped = await ce.send(new GetCostAndUsageCommand(ask({ ...month, GroupBy: [{ Type: 'TAG', Key: 'team' }] })));
    const filtered = await ce.send(new GetCostAndUsageCommand(ask({ ...month, Filter: { Tags: { Key: 'team', Values: ['core'] } } })));

    expect(groups(grouped.ResultsByTime?.[0])).toEqual([['team$', '275.5']]);
    expect(totals(filtered.ResultsByTime)).toEqual([['2024-03-01', '0']]);
  });

  it('groups by two keys at once', async () => {
    const input = ask({
      TimePeriod: { Start: '2024-03-02', End: '2024-03-03' },
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'RECORD_TYPE' },
      ],
    });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(groups(answer.ResultsByTime?.[0])).toEqual([
      ['Amazon EC2', 'Credit', '-30'],
      ['Amazon EC2', 'Usage', '150'],
      ['Amazon S3', 'Refund', '-5'],
    ]);
  });

  it('excludes credits and refunds when filtered with Not RECORD_TYPE', async () => {
    const input = ask({ Filter: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } } });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(totals(answer.ResultsByTime)).toEqual([
      ['2024-03-01', '120.5'],
      ['2024-03-02', '150'],
      ['2024-03-03', '40'],
    ]);
  });

  it('combines And, Or and Tags filters', async () => {
    const input = ask({
      Filter: {
        And: [
          { Or: [{ Tags: { Key: 'team', Values: ['data'] } }, { Dimensions: { Key: 'SERVICE', Values: ['Amazon S3'] } }] },
          { Dimensions: { Key: 'RECORD_TYPE', Values: ['Usage'] } },
        ],
      },
    });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(totals(answer.ResultsByTime)).toEqual([
      ['2024-03-01', '20.5'],
      ['2024-03-02', '0'],
      ['2024-03-03', '40'],
    ]);
  });

  it('returns every requested metric keyed by name', async () => {
    const input = ask({ Metrics: ['UnblendedCost', 'AmortizedCost'], TimePeriod: { Start: '2024-03-03', End: '2024-03-04' } });

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(answer.ResultsByTime?.[0]?.Total).toEqual({
      UnblendedCost: { Amount: '40', Unit: 'USD' },
      AmortizedCost: { Amount: '40', Unit: 'USD' },
    });
  });

  it('flags buckets from estimatedFrom on as Estimated, in the dataset currency', async () => {
    double.setDataset(dataset, { estimatedFrom: '2024-03-03', currency: 'EUR' });

    const answer = await ce.send(new GetCostAndUsageCommand(ask({})));

    expect(answer.ResultsByTime?.map((r) => r.Estimated)).toEqual([false, false, true]);
    expect(answer.ResultsByTime?.[2]?.Total?.UnblendedCost?.Unit).toBe('EUR');
  });

  it('pages groups with NextPageToken until every group is returned', async () => {
    double.pageSize = 2;
    const input = ask({ GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }] });

    const pages: ResultByTime[] = [];
    let token: string | undefined;
    do {
      const page = await ce.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }));
      pages.push(...(page.ResultsByTime ?? []));
      token = page.NextPageToken;
    } while (token);

    const all = pages.flatMap((r) => groups(r).map((g) => [r.TimePeriod?.Start, ...g]));
    expect(all).toEqual([
      ['2024-03-01', 'Amazon EC2', '100'],
      ['2024-03-01', 'Amazon S3', '20.5'],
      ['2024-03-02', 'Amazon EC2', '120'],
      ['2024-03-02', 'Amazon S3', '-5'],
      ['2024-03-03', 'Amazon RDS', '40'],
    ]);
    expect(double.requests).toHaveLength(3);
    expect(double.requests[1]?.body.NextPageToken).toEqual(expect.any(String));
  });

  it('rejects a period whose Start is not before its End', async () => {
    const input = ask({ TimePeriod: { Start: '2024-03-02', End: '2024-03-02' } });

    const attempt = ce.send(new GetCostAndUsageCommand(input));

    await expect(attempt).rejects.toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });
});
