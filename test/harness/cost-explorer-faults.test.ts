import { CostExplorerClient, GetCostAndUsageCommand, type GetCostAndUsageCommandInput } from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/index.js';

const input: GetCostAndUsageCommandInput = {
  TimePeriod: { Start: '2024-03-01', End: '2024-03-02' },
  Granularity: 'DAILY',
  Metrics: ['UnblendedCost'],
};

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };

describe('cost explorer double under faults', () => {
  let double: CostExplorerDouble;
  let ce: CostExplorerClient;

  beforeAll(async () => {
    double = await startCostExplorerDouble();
    ce = new CostExplorerClient({ endpoint: double.url, region: 'us-east-1', credentials });
  });
  afterAll(async () => {
    ce.destroy();
    await double.stop();
  });
  beforeEach(() => {
    double.setDataset([{ date: '2024-03-01', service: 'Amazon EC2', amount: 12.3456789 }]);
    double.resetRequests();
  });

  it('lets the SDK retry ThrottlingException until it succeeds', async () => {
    double.failNext('ThrottlingException', 2);

    const answer = await ce.send(new GetCostAndUsageCommand(input));

    expect(answer.ResultsByTime?.[0]?.Total?.UnblendedCost?.Amount).toBe('12.3456789');
    expect(double.requests.map((r) => r.operation)).toEqual(['GetCostAndUsage', 'GetCostAndUsage', 'GetCostAndUsage']);
  });

  it('lets the SDK give up on LimitExceededException after its attempts', async () => {
    double.failNext('LimitExceededException', 2);
    const twoAttempts = new CostExplorerClient({ endpoint: double.url, region: 'us-east-1', credentials, maxAttempts: 2 });

    const attempt = twoAttempts.send(new GetCostAndUsageCommand(input));

    await expect(attempt).rejects.toMatchObject({ name: 'LimitExceededException', $metadata: { attempts: 2 } });
    expect(double.requests).toHaveLength(2);
    twoAttempts.destroy();
  });

  it('surfaces AccessDeniedException at once, without retrying', async () => {
    double.failNext('AccessDeniedException');

    const attempt = ce.send(new GetCostAndUsageCommand(input));

    await expect(attempt).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('ce:GetCostAndUsage'),
      $metadata: { httpStatusCode: 400 },
    });
    expect(double.requests).toHaveLength(1);
  });

  it('is reached through AWS_ENDPOINT_URL_COST_EXPLORER, as the CLI will reach it', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_COST_EXPLORER;
    process.env.AWS_ENDPOINT_URL_COST_EXPLORER = double.url;
    const fromEnv = new CostExplorerClient({ region: 'us-east-1', credentials });

    try {
      const answer = await fromEnv.send(new GetCostAndUsageCommand(input));

      expect(answer.ResultsByTime).toHaveLength(1);
      expect(double.requests).toHaveLength(1);
    } finally {
      fromEnv.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_COST_EXPLORER;
      else process.env.AWS_ENDPOINT_URL_COST_EXPLORER = saved;
    }
  });

  it('takes its dataset and faults over the control endpoint from another process', async () => {
    const post = (path: string, body: unknown) => fetch(`${double.url}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
    await post('dataset', { records: [{ date: '2024-03-01', service: 'AWS Lambda', amount: 3 }], currency: 'USD' });
    await post('fail', { errorType: 'ThrottlingException', times: 1 });

    const answer = await ce.send(new GetCostAndUsageCommand(input));
    const recorded = (await (await fetch(`${double.url}/__control/requests`)).json()) as unknown[];

    expect(answer.ResultsByTime?.[0]?.Total?.UnblendedCost?.Amount).toBe('3');
    expect(recorded).toHaveLength(2);
  });
});
