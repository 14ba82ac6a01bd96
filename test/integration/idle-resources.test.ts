import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, type TopicWithInbox } from '../../emulators/fixtures.js';
import { listenLocal, readBody } from '../../emulators/http.js';
import { seedFleet, type SeedRegion } from '../../scripts/demo/idle-resources.js';
import { cloudWatchClient } from '../../shared/aws/clients.js';
import { fetchMetrics } from '../../shared/waste/metrics.js';
import { today, weekStart } from '../../shared/time/dates.js';
import { runCli } from '../support/cli.js';
import { awsFaultProxy, optInRequired } from '../support/fault-proxy.js';
import { motoUrl, type TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

const BUCKET = 'cost-watch-reports-idle';
const NASTY = 'db <old> & *tmp*_x';

/** Two regions: idle and busy instances, one idle but exempt, one without data, unattached volumes. */
const FLEET: SeedRegion[] = [
  {
    region: 'us-east-1',
    instances: [
      { type: 'm5.large', cpu: 1.5, name: NASTY },
      { type: 'c6i.2xlarge', cpu: 3, name: 'batch' },
      { type: 'm5.large', cpu: 60, name: 'web' },
      { type: 'm5.large', cpu: 0.5, name: 'bastion', exempt: true },
      { type: 't3.micro', cpu: null, name: 'fresh' },
    ],
    volumes: [
      { type: 'gp2', sizeGiB: 100, name: 'backup' },
      { type: 'io1', sizeGiB: 100, iops: 1000 },
    ],
  },
  {
    region: 'eu-west-1',
    instances: [
      { type: 'm5.large', cpu: 2, name: 'eu-idle' },
      { type: 'm5.large', cpu: 30 },
    ],
    volumes: [{ type: 'gp3', sizeGiB: 50 }],
  },
];

let aws: TestAws;
let slack: FakeSlack;
let topic: TopicWithInbox;
let ddb: DynamoDBClient;
let s3: S3Client;
let dir: string;
let run = 0;
let seeded: Awaited<ReturnType<typeof seedFleet>>;

function config(idle: Record<string, unknown>, extra: Record<string, unknown> = {}): { file: string; table: string } {
  const file = join(dir, `config-${++run}.json`);
  const table = `idle-ledger-${run}`;
  writeFileSync(
    file,
    JSON.stringify({
      idle,
      report: { bucket: BUCKET },
      notify: { slack: { channel: '#waste' }, alertTopicArn: topic.topicArn },
      ledgerTable: table,
      ...extra,
    }),
  );
  return { file, table };
}

async function idleRun(file: string, env: Record<string, string> = {}, extra: string[] = []) {
  const result = await runCli(['run', 'idle-resources', '--config', file, '--json', ...extra], {
    env: { ...aws.env, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', COST_WATCH_SLACK_TIMEOUT_MS: '1500', ...env },
    timeoutMs: 60_000,
  });
  return { ...result, json: result.stdout ? JSON.parse(result.stdout) : undefined };
}

let world: World;
beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-idle-', slack: true, topic: 'idle-alerts' });
  ({ aws, slack, topic, ddb, dir } = world);
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  seeded = await seedFleet(aws.env, FLEET);
});

afterAll(() => world?.stop());

beforeEach(async () => {
  slack.reset();
  await topic.receive();
});

// Each case spawns the real CLI (a few seconds each on a busy machine), some of them three times.
const CLI_CASES = { timeout: 120_000 };

describe('idle-resources job', CLI_CASES, () => {
  it('reports idle instances and unattached volumes in both regions with their cost, once to Slack and once to SNS', async () => {
    const { file, table } = config({ regions: ['us-east-1', 'eu-west-1'] });
    await createLedgerTable(ddb, table);
    const [east, west] = seeded;

    const { code, json, stderr } = await idleRun(file);

    expect(code, stderr).toBe(0);
    expect(json).toMatchObject({ job: 'idle-resources', regions: ['us-east-1', 'eu-west-1'], regionErrors: [], noData: 1, exempt: 1 });
    expect(json.idleInstances.map((i: { id: string }) => i.id).sort()).toEqual(
      [east!.instanceIds[0], east!.instanceIds[1], west!.instanceIds[0]].sort(),
    );
    const nasty = json.idleInstances.find((i: { id: string }) => i.id === east!.instanceIds[0]);
    expect(nasty).toMatchObject({ region: 'us-east-1', instanceType: 'm5.large', name: NASTY, estimatedMonthlyCost: 70.08 });
    expect(nasty.avgCpuPct).toBeCloseTo(1.5, 1);
    expect(json.unattachedVolumes.map((v: { id: string }) => v.id).sort()).toEqual([...east!.volumeIds, ...west!.volumeIds].sort());
    // Every finding counts, the part-1 lists included (moto's root volumes are gp2: gp2-volume findings too).
    const known = json.findings.reduce((s: number, x: { estimatedMonthlyCost: number | null }) => s + (x.estimatedMonthlyCost ?? 0), 0);
    expect(json.estimatedMonthlySavings).toBeCloseTo(known, 2);
    for (const x of [...json.idleInstances, ...json.unattachedVolumes])
      expect(json.findings.map((f: { id: string }) => f.id)).toContain(x.id);
    expect(stderr).toMatch(/us-east-1: 5 running/);

    expect(slack.messages).toHaveLength(1);
    const blocks = JSON.stringify(slack.messages[0]!.blocks);
    expect(blocks).toContain('db &lt;old&gt; &amp; \u200b*\u200btmp');
    expect(blocks).not.toContain('<old>');
    expect(blocks).toContain('Idle instances: 3 · $');
    expect(blocks).toContain('Unattached volumes: 3 · $');
    expect(slack.messages[0]!.text).toContain(`${json.findings.length} findings`);
    const inbox = await topic.receive();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.attributes).toEqual({ job: 'idle-resources', severity: 'warning' });
    expect(inbox[0]!.subject!.length).toBeLessThan(100);
    expect(inbox[0]!.message).toContain(NASTY);
  });

  it('writes the full findings, encrypted, to findings/idle-resources/<date>.json', async () => {
    const { file, table } = config({ regions: ['us-east-1'] });
    await createLedgerTable(ddb, table);

    const { code, json } = await idleRun(file);

    const key = `findings/idle-resources/${today(new Date())}.json`;
    expect(code).toBe(0);
    expect(json.findingsObject).toEqual({ bucket: BUCKET, key });
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ServerSideEncryption).toBe('AES256');
    const stored = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString());
    expect(stored.idleInstances).toEqual(json.idleInstances);
    expect(stored.estimatedMonthlySavings).toBe(json.estimatedMonthlySavings);
  });

  it('sends nothing new when re-run the same week, and sends only waste found later that week', async () => {
    const { file, table } = config({ regions: ['eu-west-1'] });
    await createLedgerTable(ddb, table);
    const first = await idleRun(file);
    const again = await idleRun(file);
    const week = weekStart(today(new Date()));

    expect(first.code).toBe(0);
    expect(again.code).toBe(0);
    expect(slack.messages).toHaveLength(1);
    expect(again.json.deliveries.length).toBeGreaterThan(0);
    expect(again.json.deliveries.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
    expect(first.json.deliveries[0].alertId).toContain(`|${week}|`);

    const { VolumeId } = await new EC2Client({ ...aws.clientConfig, region: 'eu-west-1' }).send(
      new CreateVolumeCommand({ AvailabilityZone: 'eu-west-1a', Size: 300, VolumeType: 'gp2' }),
    );
    const later = await idleRun(file);

    expect(later.code).toBe(0);
    expect(slack.messages).toHaveLength(2);
    const sent = later.json.deliveries.filter((d: { status: string; channel: string }) => d.status === 'sent' && d.channel === 'slack');
    expect(sent.map((d: { alertId: string }) => d.alertId)).toEqual([`idle-resources|volume|eu-west-1:${VolumeId}|${week}|warning`]);
    expect(slack.messages[1]!.text).toMatch(/^New idle AWS resources/);
    expect(await topic.receive()).toHaveLength(2);
  });

  it('exits 2 naming an unknown region in config, and sends and writes nothing', async () => {
    const { file } = config({ regions: ['us-east-1', 'us-east-9'] });

    const { code, stdout, stderr } = await idleRun(file);

    expect(code).toBe(2);
    expect(stderr).toMatch(/idle\.regions\[\d+\]: unknown region "us-east-9"/);
    expect(stdout).toBe('');
    expect(slack.attempts).toBe(0);
  });

  it('resolves "all" to the enabled regions of the account through DescribeRegions', async () => {
    const { file } = config({ regions: 'all', concurrency: 8 });

    const { code, json } = await idleRun(file, {}, ['--dry-run']);

    expect(code).toBe(0);
    expect(json.regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2']));
    expect(json.regions).not.toContain('ap-east-1'); // not opted in
    expect(json.regions.some((r: string) => r.startsWith('cn-') || r.startsWith('us-gov-'))).toBe(false);
    expect(json.idleInstances).toHaveLength(3);
  });

  it('sends and writes nothing in --dry-run', async () => {
    const { file, table } = config({ regions: ['us-east-1'] });
    await createLedgerTable(ddb, table);
    const before = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));

    const { code, json } = await idleRun(file, {}, ['--dry-run']);

    expect(code).toBe(0);
    expect(json.idleInstances.length).toBeGreaterThan(0);
    expect(json.findingsObject).toBeNull();
    expect(json.deliveries.every((d: { status: string }) => d.status === 'dry-run')).toBe(true);
    expect(slack.attempts).toBe(0);
    expect(await topic.receive()).toHaveLength(0);
    expect((await ddb.send(new ScanCommand({ TableName: table }))).Items).toHaveLength(0);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(after.KeyCount).toBe(before.KeyCount);
  });
});

describe('idle-resources job when a region fails', CLI_CASES, () => {
  let proxy: Awaited<ReturnType<typeof awsFaultProxy>>;

  beforeAll(async () => {
    proxy = await awsFaultProxy(motoUrl(), optInRequired(['eu-west-1', 'ap-south-1']));
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('still reports the other regions, lists regionErrors, and tells Slack which regions were not scanned', async () => {
    const { file, table } = config({ regions: ['us-east-1', 'eu-west-1'] });
    await createLedgerTable(ddb, table);

    const { code, json, stderr } = await idleRun(file, { AWS_ENDPOINT_URL: proxy.url });

    expect(code, stderr).toBe(0);
    expect(json.regionErrors).toEqual([{ region: 'eu-west-1', message: expect.stringContaining('OptInRequired') }]);
    expect(json.idleInstances.every((i: { region: string }) => i.region === 'us-east-1')).toBe(true);
    expect(json.idleInstances).toHaveLength(2);
    expect(slack.messages).toHaveLength(1);
    expect(JSON.stringify(slack.messages[0]!.blocks)).toContain('Not scanned: eu-west-1');
    expect(slack.messages[0]!.text).toContain('eu-west-1');
  });

  it('exits 1 when every region failed', async () => {
    const { file } = config({ regions: ['eu-west-1', 'ap-south-1'] });

    const { code, stdout, stderr } = await idleRun(file, { AWS_ENDPOINT_URL: proxy.url });

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/every region failed: eu-west-1: .*OptInRequired.*ap-south-1/);
    expect(slack.attempts).toBe(0);
  });
});

interface GetMetricDataInput {
  MetricDataQueries: Array<{ Id: string; MetricStat: { Metric: { Dimensions: Array<{ Value: string }> } } }>;
  NextToken?: string;
}

/** A scripted CloudWatch (JSON protocol) for what moto cannot do: throttle, and answer in pages. */
async function cloudWatchDouble(answer: (input: GetMetricDataInput, call: number) => { status?: number; body: unknown }) {
  const calls: GetMetricDataInput[] = [];
  const server = await listenLocal(async (req, res) => {
    const input = JSON.parse(await readBody(req)) as GetMetricDataInput;
    calls.push(input);
    const { status = 200, body } = answer(input, calls.length);
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
    if (status !== 200) headers['x-amzn-query-error'] = 'Throttling;Sender';
    res.writeHead(status, headers).end(JSON.stringify(body));
  });
  return { url: `http://127.0.0.1:${server.port}`, calls, close: () => server.close() };
}

const cpuQuery = (id: string) => ({
  key: id,
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: { InstanceId: id },
  stat: 'Average' as const,
});

describe('metric queries through GetMetricData', () => {
  const saved = { ...process.env };
  const window = { start: new Date('2026-11-02T00:00:00Z'), end: new Date('2026-11-16T00:00:00Z') };
  const useEndpoint = (url: string) =>
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
    });

  afterAll(() => {
    process.env = saved;
  });

  it('is retried after throttling and follows NextToken through PartialData to the end', async () => {
    const double = await cloudWatchDouble((input, call) => {
      if (call === 1) return { status: 400, body: { __type: 'Throttling', message: 'Rate exceeded' } };
      if (!input.NextToken)
        return {
          body: {
            MetricDataResults: [{ Id: 'q0', Values: [1], Timestamps: [1_762_041_600], StatusCode: 'PartialData' }],
            NextToken: 'page-2',
          },
        };
      return {
        body: {
          MetricDataResults: [
            { Id: 'q0', Values: [3], Timestamps: [1_762_646_400], StatusCode: 'Complete' },
            { Id: 'q1', Values: [50], Timestamps: [1_762_041_600], StatusCode: 'Complete' },
          ],
        },
      };
    });
    useEndpoint(double.url);

    const cpu = await fetchMetrics(cloudWatchClient('us-east-1'), 'us-east-1', ['i-a', 'i-b', 'i-none'].map(cpuQuery), window).finally(() =>
      double.close(),
    );

    expect(cpu.values).toEqual([[1, 3], [50], []]);
    expect(double.calls).toHaveLength(3);
    expect(double.calls[2]!.NextToken).toBe('page-2');
    expect(cpu.requests).toBe(2);
  });

  it('asks for at most 500 queries a request', async () => {
    const double = await cloudWatchDouble((input) => ({
      body: {
        MetricDataResults: input.MetricDataQueries.map((q) => ({
          Id: q.Id,
          Values: [10],
          Timestamps: [1_762_041_600],
          StatusCode: 'Complete',
        })),
      },
    }));
    useEndpoint(double.url);
    const ids = Array.from({ length: 1001 }, (_, i) => `i-${i}`);

    const cpu = await fetchMetrics(cloudWatchClient('us-east-1'), 'us-east-1', ids.map(cpuQuery), window).finally(() => double.close());

    expect(double.calls.map((c) => c.MetricDataQueries.length)).toEqual([500, 500, 1]);
    expect(cpu.values.filter((v) => v.length === 1)).toHaveLength(1001);
    expect(cpu.requests).toBe(3);
    expect(double.calls[2]!.MetricDataQueries[0]!.MetricStat.Metric.Dimensions[0]!.Value).toBe('i-1000');
  });
});
