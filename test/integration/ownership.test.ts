import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTagsCommand, CreateVolumeCommand, DeleteVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import type { CostRecord } from '../../emulators/cost-explorer.js';
import { seedFleet, type SeededRegion } from '../../scripts/demo/idle-resources.js';
import { addDays, today } from '../../shared/time/dates.js';
import { runCli } from '../support/cli.js';
import { awsFaultProxy, denied } from '../support/fault-proxy.js';
import type { TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

const DATE = today(new Date());
const REGIONS = ['us-east-1', 'eu-west-1'];

let world: World;
let aws: TestAws;
let s3: S3Client;
let east: SeededRegion;
let west: SeededRegion;
let run = 0;

const ec2 = (region: string) => new EC2Client({ ...aws.clientConfig, region });
const tag = (region: string, id: string, tags: Record<string, string>) =>
  ec2(region).send(new CreateTagsCommand({ Resources: [id], Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));

/** A fresh report bucket per case: each case has its own run history. */
async function config(extra: Record<string, unknown> = {}): Promise<string> {
  const bucket = `cw-ownership-${++run}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const file = join(world.dir, `config-${run}.json`);
  writeFileSync(file, JSON.stringify({ idle: { regions: REGIONS }, report: { bucket }, ownership: { tags: ['team', 'env'] }, ...extra }));
  return file;
}

async function idleRun(file: string, date = DATE, endpoint = aws.env.AWS_ENDPOINT_URL) {
  const env = { ...aws.env, AWS_ENDPOINT_URL: endpoint, AWS_ENDPOINT_URL_COST_EXPLORER: world.ce.url };
  const r = await runCli(['run', 'idle-resources', '--config', file, '--json', '--date', date], { env, timeoutMs: 90_000 });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

/** 7 days of spend ending on DATE: team data 50, team web 30, nothing tagged 20 a day; and spend outside the window. */
function spend(): CostRecord[] {
  const days = Array.from({ length: 7 }, (_, i) => addDays(DATE, -i));
  return [
    ...days.flatMap((date): CostRecord[] => [
      { date, service: 'Amazon Elastic Compute Cloud - Compute', amount: 50, tags: { team: 'data' } },
      { date, service: 'Amazon Elastic Compute Cloud - Compute', amount: 30, tags: { team: 'web', env: 'prod' } },
      { date, service: 'Amazon Simple Storage Service', amount: 20 },
    ]),
    { date: addDays(DATE, -7), service: 'Amazon Simple Storage Service', amount: 1000 },
  ];
}

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-ownership-', costExplorer: true });
  aws = world.aws;
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  [east, west] = (await seedFleet(aws.env, [
    {
      region: 'us-east-1',
      instances: [
        { type: 'm5.large', cpu: 50, name: 'owned' },
        { type: 'm5.large', cpu: 50, name: 'web-no-env' },
        { type: 'm5.large', cpu: 1, name: 'ignored', exempt: true },
      ],
      volumes: [{ type: 'gp3', sizeGiB: 100, name: 'scratch' }],
    },
    { region: 'eu-west-1', instances: [], volumes: [{ type: 'gp3', sizeGiB: 50 }] },
  ])) as [SeededRegion, SeededRegion];
  await tag('us-east-1', east.instanceIds[0]!, { team: 'data', env: 'prod' });
  await tag('us-east-1', east.instanceIds[1]!, { team: 'web' });
  await s3.send(new CreateBucketCommand({ Bucket: 'team-data-lake' }));
  await s3.send(
    new PutBucketTaggingCommand({
      Bucket: 'team-data-lake',
      Tagging: {
        TagSet: [
          { Key: 'team', Value: 'data' },
          { Key: 'env', Value: 'prod' },
        ],
      },
    }),
  );
  await s3.send(new CreateBucketCommand({ Bucket: 'loose-logs' }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: 'loose-logs', Tagging: { TagSet: [{ Key: 'Name', Value: 'logs' }] } }));
}, 120_000);

afterAll(() => world?.stop());

type Resource = { arn: string; resourceType: string; missing: string[]; tags: Record<string, string>; region: string };
const byArnEnd = (list: Resource[], end: string) => list.find((r) => r.arn.endsWith(end));

describe('weekly ownership digest: the data', { timeout: 180_000 }, () => {
  it('lists every resource missing an ownership key, the untagged share of the week, from one listing per scope and one Cost Explorer request', async () => {
    world.ce.setDataset(spend());
    world.ce.resetRequests();
    const { code, json, stderr } = await idleRun(await config());

    expect(code, stderr).toBe(0);
    const resources: Resource[] = json.unassigned.resources;
    expect(json.unassigned.tags).toEqual(['team', 'env']);
    expect(byArnEnd(resources, `instance/${east.instanceIds[1]}`)).toMatchObject({
      region: 'us-east-1',
      resourceType: 'ec2:instance',
      missing: ['env'],
      tags: { team: 'web' },
    });
    expect(byArnEnd(resources, `volume/${east.volumeIds[0]}`)).toMatchObject({ resourceType: 'ec2:volume', missing: ['team', 'env'] });
    expect(byArnEnd(resources, `volume/${west.volumeIds[0]}`)).toMatchObject({ region: 'eu-west-1', missing: ['team', 'env'] });
    expect(resources.filter((r) => r.arn === 'arn:aws:s3:::loose-logs')).toEqual([
      expect.objectContaining({ resourceType: 's3:bucket', missing: ['team', 'env'], tags: {} }),
    ]);
    expect(byArnEnd(resources, `instance/${east.instanceIds[0]}`)).toBeUndefined();
    expect(byArnEnd(resources, `instance/${east.instanceIds[2]}`)).toBeUndefined(); // exempt
    expect(byArnEnd(resources, ':::team-data-lake')).toBeUndefined();
    expect(json.unassigned.scopeErrors).toEqual([]);

    expect(json.unassigned.spend).toMatchObject({ tagKey: 'team', amount: 140, total: 700, sharePct: 20, activated: true });
    expect(json.unassigned.spend.window).toEqual({ start: addDays(DATE, -6), end: DATE });
    const ce = world.ce.requests.filter((r) => r.operation === 'GetCostAndUsage');
    expect(ce).toHaveLength(1);
    expect(ce[0]!.body.GroupBy).toEqual([{ Type: 'TAG', Key: 'team' }]);
    expect(json.requests).toMatchObject({ getResources: 2, getCostAndUsage: 1 });
    expect(json.findings.find((f: { id: string }) => f.id === east.volumeIds[0]).tags).toEqual({});
  });

  it('says the tag is not activated as a cost allocation tag instead of showing 100 % untagged', async () => {
    world.ce.setDataset(spend(), { costAllocationTags: ['env'] });
    const { code, json } = await idleRun(await config());

    expect(code).toBe(0);
    expect(json.unassigned.spend).toMatchObject({ amount: null, sharePct: null, total: 700, activated: false });
    expect(json.unassigned.spend.message).toMatch(/"team" tag: it is most likely not activated as a cost allocation tag/);
  });

  it('has no realized savings and no error on the first run', async () => {
    world.ce.setDataset(spend());
    const { code, json } = await idleRun(await config());

    expect(code).toBe(0);
    expect(json.realizedSavings).toEqual({ resolved: [], monthly: 0, previousRun: null });
  });

  it('counts a volume deleted since the previous run as saved, nothing in a scope whose listing was denied, and the monthly report shows it', async () => {
    world.ce.setDataset(spend());
    const [eastVol, westVol] = await Promise.all(
      REGIONS.map(async (region) => {
        const { VolumeId } = await ec2(region).send(
          new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 200, VolumeType: 'gp2' }),
        );
        return VolumeId!;
      }),
    );
    const file = await config();
    const before = await idleRun(file, addDays(DATE, -7));
    expect(before.code).toBe(0);
    expect(before.json.findings.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining([eastVol, westVol]));

    await Promise.all(REGIONS.map((region, i) => ec2(region).send(new DeleteVolumeCommand({ VolumeId: [eastVol, westVol][i] }))));
    const proxy = await awsFaultProxy(aws.env.AWS_ENDPOINT_URL, denied('GetResources', 'eu-west-1'));
    try {
      const { code, json } = await idleRun(file, DATE, proxy.url);

      expect(code).toBe(0);
      expect(json.realizedSavings.previousRun).toEqual({
        date: addDays(DATE, -7),
        key: `findings/idle-resources/${addDays(DATE, -7)}.json`,
      });
      expect(json.realizedSavings.resolved).toEqual([
        { rule: 'unattached-volume', account: null, region: 'us-east-1', id: eastVol, estimatedMonthlyCost: 20, tags: {} },
      ]);
      expect(json.realizedSavings.monthly).toBe(20);
      expect(json.unassigned.scopeErrors).toEqual([{ region: 'eu-west-1', message: expect.stringMatching(/tag:GetResources/) }]);
      expect(json.unassigned.resources.some((r: Resource) => r.region === 'us-east-1')).toBe(true);
      expect(json.unassigned.resources.some((r: Resource) => r.region === 'eu-west-1')).toBe(false);
    } finally {
      await proxy.close();
    }

    // The month's monthly-report reads the same files: the saving and the untagged share of the month's newest run.
    const report = await runCli(
      ['run', 'monthly-report', '--config', file, '--month', DATE.slice(0, 7), '--allow-partial', '--dry-run', '--json'],
      {
        env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: world.ce.url },
        timeoutMs: 90_000,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ realizedSavings: 20, untaggedSharePct: 20 });
  });
});
