import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { EC2Client, RunInstancesCommand, type _InstanceType } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, PutBucketLifecycleConfigurationCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OptimizationHubRecord } from '../../emulators/cost-explorer-model.js';
import { leversDataset } from '../../scripts/demo/monthly-levers.js';
import { runCli } from '../support/cli.js';
import { startWorld, type World } from '../support/world.js';

/* The savings levers of monthly-report read from moto and the Cost Explorer double, through the CLI's JSON. */

const MONTH = '2026-03';
const COLD = 'levers-cold-archive';
const KEPT = 'levers-kept-logs';
const TIB = 2 ** 40;

interface Item {
  resource: string;
  estimatedMonthlySavings: number;
  countedIn?: string;
  source?: string;
  [k: string]: unknown;
}
interface LeverJson {
  lever: string;
  estimatedMonthlySavings: number | null;
  items: Item[];
  gap?: boolean;
}

let world: World;
let n = 0;
let x86 = '';
let arm = '';

async function report(reportConfig: Record<string, unknown> = {}) {
  const file = join(world.dir, `config-${++n}.json`);
  writeFileSync(file, JSON.stringify({ report: { bucket: 'levers-reports', prefix: `l${n}/`, ...reportConfig } }));
  const env = { ...world.env, AWS_ENDPOINT_URL_COST_OPTIMIZATION_HUB: world.ce.url };
  const result = await runCli(['run', 'monthly-report', '--config', file, '--json', '--month', MONTH], { env, timeoutMs: 60_000 });
  const json = result.code <= 3 && result.stdout ? JSON.parse(result.stdout) : undefined;
  const lever = (name: string): LeverJson => json.levers.find((l: LeverJson) => l.lever === name);
  return { ...result, json, lever };
}

async function putStandardBytes(cw: CloudWatchClient, bucket: string, bytes: number) {
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/S3',
      MetricData: [
        {
          MetricName: 'BucketSizeBytes',
          Dimensions: [
            { Name: 'BucketName', Value: bucket },
            { Name: 'StorageType', Value: 'StandardStorage' },
          ],
          Timestamp: new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000),
          Value: bytes,
          Unit: 'Bytes',
        },
      ],
    }),
  );
}

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-levers-', costExplorer: true, buckets: ['levers-reports'] });
  const config = world.aws.clientConfig;
  const ec2 = new EC2Client(config);
  const runOne = async (type: string) => {
    const out = await ec2.send(
      new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: type as _InstanceType, MinCount: 1, MaxCount: 1 }),
    );
    return out.Instances?.[0]?.InstanceId ?? '';
  };
  [x86, arm] = await Promise.all([runOne('m5.2xlarge'), runOne('m7g.large')]);
  await world.s3.send(new CreateBucketCommand({ Bucket: COLD }));
  await world.s3.send(new CreateBucketCommand({ Bucket: KEPT }));
  await world.s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: KEPT,
      LifecycleConfiguration: {
        Rules: [{ ID: 'tier', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] }],
      },
    }),
  );
  const cw = new CloudWatchClient({ ...config, disableRequestCompression: true });
  await putStandardBytes(cw, COLD, 8 * TIB);
  await putStandardBytes(cw, KEPT, 8 * TIB);
});

afterAll(() => world?.stop());

beforeEach(() => {
  world.ce.setDataset(leversDataset(MONTH, world.aws.account.accountId));
  world.ce.resetRequests();
});

describe('monthly-report savings levers', () => {
  it('lists running x86 instances with their Graviton price difference and never an instance already on Graviton', async () => {
    const { code, lever } = await report();

    expect(code).toBe(0);
    const graviton = lever('graviton');
    expect(graviton.gap).toBeUndefined();
    expect(graviton.items.map((i) => i.id)).toEqual([x86]);
    const [item] = graviton.items as Array<Item & { monthlyCost: number; targetMonthlyCost: number; targetType: string }>;
    expect(item).toMatchObject({ currentType: 'm5.2xlarge', resourceType: 'ec2-instance', resource: x86 });
    expect(item!.targetType).toMatch(/^m[67]g\.2xlarge$/);
    expect(item!.estimatedMonthlySavings).toBeGreaterThan(0);
    expect(item!.estimatedMonthlySavings).toBeCloseTo(item!.monthlyCost - item!.targetMonthlyCost, 2);
    expect(JSON.stringify(graviton.items)).not.toContain(arm);
  });

  it('lists a bucket in Standard without a lifecycle rule and not one with a lifecycle configuration', async () => {
    const { code, lever } = await report();

    expect(code).toBe(0);
    const storage = lever('storage-class');
    expect(storage.items.map((i) => i.bucket)).toEqual([COLD]);
    expect(storage.items[0]).toMatchObject({ standardBytes: 8 * TIB, resource: `s3:${COLD}` });
    expect(storage.items[0]!.estimatedMonthlySavings).toBeGreaterThan(0);
    expect(storage.estimatedMonthlySavings).toBe(storage.items[0]!.estimatedMonthlySavings);
  });

  it('makes only the commitments lever a gap when purchase recommendations are denied, and still exits 0', async () => {
    world.ce.failNext('AccessDeniedException', 1, undefined, { operation: 'GetSavingsPlansPurchaseRecommendation' });
    world.ce.failNext('AccessDeniedException', 2, undefined, { operation: 'GetReservationPurchaseRecommendation' });

    const { code, json, lever } = await report();

    expect(code).toBe(0);
    expect(lever('commitments')).toMatchObject({ gap: true, items: [], estimatedMonthlySavings: null });
    const leverGaps = json.reviewGaps.filter((g: { part: string }) => g.part === 'commitments');
    expect(leverGaps.map((g: { operation: string }) => g.operation).sort()).toEqual([
      'GetReservationPurchaseRecommendation',
      'GetSavingsPlansPurchaseRecommendation',
    ]);
    for (const other of ['spot', 'graviton', 'storage-class']) {
      expect(lever(other).gap).toBeUndefined();
      expect(json.reviewGaps.some((g: { part: string }) => g.part === other)).toBe(false);
    }
    expect(lever('graviton').items.length).toBe(1);
  });

  it('merges Cost Optimization Hub in and counts each resource once, with its largest saving', async () => {
    const base = await report();
    const own = base.lever('graviton').items[0]!.estimatedMonthlySavings;
    const hub: OptimizationHubRecord[] = [
      {
        recommendationId: 'coh-graviton',
        accountId: world.aws.account.accountId,
        resourceId: x86,
        currentResourceType: 'Ec2Instance',
        actionType: 'MigrateToGraviton',
        currentResourceSummary: 'm5.2xlarge',
        recommendedResourceSummary: 'm7g.2xlarge',
        estimatedMonthlySavings: own + 5,
        estimatedMonthlyCost: 300,
      },
      {
        recommendationId: 'coh-rightsize',
        accountId: world.aws.account.accountId,
        resourceId: x86,
        currentResourceType: 'Ec2Instance',
        actionType: 'Rightsize',
        currentResourceSummary: 'm5.2xlarge',
        recommendedResourceSummary: 'm5.large',
        estimatedMonthlySavings: own + 100,
        estimatedMonthlyCost: 300,
      },
    ];
    world.ce.setDataset(leversDataset(MONTH, world.aws.account.accountId), { optimizationHub: hub });

    const { code, json, lever } = await report({ costOptimizationHub: true });

    expect(code).toBe(0);
    const graviton = lever('graviton').items.filter((i) => i.resource === x86);
    expect(graviton).toHaveLength(1);
    expect(graviton[0]).toMatchObject({ source: 'cost-optimization-hub', estimatedMonthlySavings: own + 5, countedIn: 'rightsizing' });
    const rightsizing = lever('rightsizing').items.filter((i) => i.resource === x86);
    expect(rightsizing).toHaveLength(1);
    expect(rightsizing[0]!.countedIn).toBeUndefined();
    expect(rightsizing[0]!.estimatedMonthlySavings).toBeCloseTo(own + 100, 2);
    const sum = json.levers.reduce((a: number, l: LeverJson) => a + (l.estimatedMonthlySavings ?? 0), 0);
    expect(json.totalDedupedSavings).toBeCloseTo(sum, 2);
    expect(json.totalDedupedSavings).toBeCloseTo(base.json.totalDedupedSavings + 100, 2);
    expect(json.reviewGaps.some((g: { part: string }) => g.part === 'costOptimizationHub')).toBe(false);
  });
});
