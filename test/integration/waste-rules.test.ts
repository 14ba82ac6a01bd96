import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AllocateAddressCommand, EC2Client } from '@aws-sdk/client-ec2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { startMoto, type MotoHandle } from '../../emulators/moto.js';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seedWaste, type SeededWaste, type WasteSeed } from '../../scripts/demo/waste.js';
import { mapLimit } from '../../shared/concurrency.js';
import { SLACK_LIMITS } from '../../shared/notify/blocks.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';
import { awsFaultProxy, denied } from '../support/fault-proxy.js';

/** One of each kind beyond part 1, plus an exempt load balancer and an exempt database that must not be reported. */
const SEED: WasteSeed = {
  freeAddresses: 1,
  natGateways: [0.2, 50],
  loadBalancers: [
    { type: 'application', traffic: 0, name: 'idle-alb' },
    { type: 'network', traffic: 0, name: 'idle-nlb' },
    { type: 'application', traffic: 5000, name: 'busy-alb' },
    { type: 'application', traffic: 0, name: 'kept-alb', exempt: true },
  ],
  orphanedSnapshots: 1,
  liveSnapshots: 1,
  images: 1,
  stoppedInstances: [
    { type: 'm5.large', name: 'parked' },
    { type: 'm5.large', name: 'dr-standby', exempt: true },
  ],
  databases: [
    { id: 'idle-db', cls: 'db.m5.large', engine: 'postgres', multiAz: true, connections: 0 },
    { id: 'busy-db', cls: 'db.m5.large', engine: 'postgres', connections: 40 },
    { id: 'kept-db', cls: 'db.m5.large', engine: 'postgres', connections: 0, exempt: true },
  ],
};
const REGIONS = ['us-east-1', 'eu-west-1'];
// moto stamps every creation time with now: any age counts.
const RULES = { 'orphaned-snapshot': { minAgeDays: 0 }, 'stopped-instance': { minDays: 0 } };

interface F {
  rule: string;
  region: string;
  id: string;
  estimatedMonthlyCost: number | null;
  action: string;
  account: string | null;
}

let moto: MotoHandle;
let aws: TestAws;
let slack: FakeSlack;
let topic: TopicWithInbox;
let dir: string;
let seeded: Record<string, SeededWaste>;
let n = 0;

function config(idle: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const file = join(dir, `config-${++n}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      idle: { regions: REGIONS, rules: RULES, ...idle },
      notify: { slack: { channel: '#waste' }, alertTopicArn: topic.topicArn },
      ...extra,
    }),
  );
  return file;
}

async function run(file: string, env: Record<string, string> = {}, base: Record<string, string> = aws.env) {
  const r = await runCli(['run', 'idle-resources', '--config', file, '--json'], {
    env: { ...base, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', ...env },
    timeoutMs: 120_000,
  });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}
const idsOf = (json: { findings: F[] }, rule: string, region?: string) =>
  json.findings
    .filter((f) => f.rule === rule && (!region || f.region === region))
    .map((f) => f.id)
    .sort();

beforeAll(async () => {
  // Its own moto, not the run's shared one: once any RDS instance exists, moto's /moto-api/data.json
  // (where other tests read the SES outbox) answers 500 (a write-only DBInstance property raises).
  moto = await startMoto();
  aws = await awsEnvFor(moto.url);
  slack = await startFakeSlack();
  topic = await createTopicWithInbox(new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig), 'waste-alerts');
  dir = mkdtempSync(join(tmpdir(), 'cw-waste-'));
  const list = await Promise.all(REGIONS.map((r) => seedWaste(aws.env, r, SEED)));
  seeded = Object.fromEntries(REGIONS.map((r, i) => [r, list[i]!]));
}, 180_000);

afterAll(async () => {
  await Promise.all([slack?.stop(), moto?.stop()]);
});

beforeEach(async () => {
  slack.reset();
  await topic.receive();
});

describe('waste rules against moto', { timeout: 180_000 }, () => {
  it('finds one of each kind in every region, priced, with its action, most expensive first', async () => {
    const { code, json, stderr } = await run(config({}));

    expect(code, stderr).toBe(0);
    for (const region of REGIONS) {
      const s = seeded[region]!;
      expect(idsOf(json, 'unassociated-eip', region)).toEqual(s.freeAddresses);
      expect(idsOf(json, 'idle-nat-gateway', region)).toEqual([s.natGateways[0]]);
      expect(idsOf(json, 'idle-load-balancer', region)).toEqual([s.loadBalancers[0], s.loadBalancers[1]].sort());
      expect(idsOf(json, 'orphaned-snapshot', region)).toEqual(s.orphanedSnapshots);
      expect(idsOf(json, 'stopped-instance', region)).toEqual(s.stoppedInstances);
      expect(idsOf(json, 'idle-rds', region)).toEqual(['idle-db']);
      expect(idsOf(json, 'gp2-volume', region).length).toBeGreaterThan(0);
    }
    const costs = json.findings.map((f: F) => f.estimatedMonthlyCost);
    const priced = costs.filter((c: number | null) => c !== null);
    expect(priced).toEqual([...priced].sort((a: number, b: number) => b - a));
    expect(costs.indexOf(null) === -1 || costs.slice(costs.indexOf(null)).every((c: number | null) => c === null)).toBe(true);
    const byId = (id: string) => json.findings.find((f: F) => f.id === id && f.region === 'us-east-1');
    expect(byId('idle-db')).toMatchObject({
      estimatedMonthlyCost: 259.88,
      action: 'Snapshot the database, then stop or delete it',
      account: null,
      resourceType: 'rds-instance',
    });
    expect(byId(seeded['us-east-1']!.freeAddresses[0]!)).toMatchObject({ estimatedMonthlyCost: 3.65, action: 'Release the address' });
    expect(byId(seeded['us-east-1']!.natGateways[0]!)).toMatchObject({ estimatedMonthlyCost: 32.85 });
    expect(byId(seeded['us-east-1']!.loadBalancers[0]!)).toMatchObject({ estimatedMonthlyCost: 16.43 });
    const sum = json.findings.reduce((s: number, f: F) => s + (f.estimatedMonthlyCost ?? 0), 0);
    expect(json.estimatedMonthlySavings).toBeCloseTo(sum, 2);
    expect(json.ruleErrors).toEqual([]);
  });

  it('does not report an exempt load balancer, an exempt database, or an exempt stopped instance and its volumes', async () => {
    const { json } = await run(config({}));
    const ids = json.findings.map((f: F) => f.id);
    for (const region of REGIONS) expect(ids).not.toContain(seeded[region]!.loadBalancers[3]);
    expect(ids).not.toContain('kept-db');
    expect(json.findings.filter((f: F) => f.rule === 'stopped-instance')).toHaveLength(2);
    expect(json.exempt).toBe(2 * 3);
  });

  it('counts each dollar once: a stopped instance prices its volumes, which are not gp2-volume findings too', async () => {
    const { json } = await run(config({}));
    const gp2 = json.findings.filter((f: F) => f.rule === 'gp2-volume').map((f: F) => f.id);
    for (const region of REGIONS) for (const v of seeded[region]!.stoppedVolumes) expect(gp2).not.toContain(v);
    const stopped = json.findings.find((f: F) => f.rule === 'stopped-instance' && f.region === 'us-east-1');
    expect(stopped.estimatedMonthlyCost).toBe(0.8); // moto's 8 GiB gp2 root volume at $0.10
  });

  it('makes one listing per resource type and one GetMetricData call per region', async () => {
    const { json } = await run(config({}));
    const per = (op: string) => json.requests[op] / REGIONS.length;
    for (const op of [
      'describeInstances',
      'describeVolumes',
      'describeAddresses',
      'describeNatGateways',
      'describeSnapshots',
      'describeImages',
      'describeLoadBalancers',
      'describeTags',
      'describeDBInstances',
      'getMetricData',
    ])
      expect(per(op), op).toBe(1);
  });

  it('turns a rule off with enabled: false, without making its listing', async () => {
    const { code, json } = await run(config({ rules: { ...RULES, 'idle-rds': { enabled: false } } }));
    expect(code).toBe(0);
    expect(idsOf(json, 'idle-rds')).toEqual([]);
    expect(json.requests.describeDBInstances).toBeUndefined();
    expect(json.byRule.map((r: { rule: string }) => r.rule)).not.toContain('idle-rds');
  });

  it('a mute of a resource id silences its finding whatever the rule (a stopped instance muted as instance i-…)', async () => {
    const table = 'waste-ledger';
    await createLedgerTable(new DynamoDBClient(aws.clientConfig), table);
    const file = config({ regions: ['us-east-1'] }, { ledgerTable: table });
    const stopped = seeded['us-east-1']!.stoppedInstances[0]!;
    // Muted before it ever alerted: the key check knows only recorded keys, so --force says "I know this id".
    const mute = await runCli(['mute', 'idle-resources', stopped, '--force', '--config', file], { env: aws.env, timeoutMs: 60_000 });
    expect(mute.code, mute.stderr).toBe(0);

    const { code, json } = await run(file);

    expect(code).toBe(0);
    const mine = json.deliveries.filter((d: { alertId: string }) => d.alertId.includes(stopped));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d: { status: string }) => d.status === 'muted')).toBe(true);
    expect(json.findings.map((f: F) => f.id)).toContain(stopped); // still in the result
  });

  it('exits 2 naming an unknown rule or option, before any AWS call', async () => {
    const bad = await run(config({ rules: { 'idle-redshift': {} } }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('idle.rules.idle-redshift: unknown key');
    const opt = await run(config({ rules: { 'orphaned-snapshot': { minAge: 3 } } }));
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('idle.rules.orphaned-snapshot.minAge: unknown key');
    expect(slack.attempts).toBe(0);
  });
});

describe('waste rules when one listing is denied', { timeout: 180_000 }, () => {
  let proxy: Awaited<ReturnType<typeof awsFaultProxy>>;
  beforeAll(async () => {
    proxy = await awsFaultProxy(
      moto.url,
      (call) => denied('DescribeDBInstances', 'eu-west-1')(call) ?? denied('GetMetricData', 'ap-south-1')(call),
    );
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('reports that rule’s error for that region, runs every other rule, and exits 0', async () => {
    const { code, json, stderr } = await run(config({}), { AWS_ENDPOINT_URL: proxy.url });

    expect(code, stderr).toBe(0);
    expect(json.ruleErrors).toEqual([
      { account: null, region: 'eu-west-1', rule: 'idle-rds', message: expect.stringContaining('rds:DescribeDBInstances') },
    ]);
    expect(json.regionErrors).toEqual([]);
    expect(idsOf(json, 'idle-rds')).toEqual(['idle-db']);
    expect(json.findings.filter((f: F) => f.rule === 'idle-rds').map((f: F) => f.region)).toEqual(['us-east-1']);
    for (const rule of ['unassociated-eip', 'idle-nat-gateway', 'idle-load-balancer', 'orphaned-snapshot', 'stopped-instance'])
      expect(idsOf(json, rule, 'eu-west-1').length, rule).toBe(1 + Number(rule === 'idle-load-balancer'));
    expect(JSON.stringify(slack.messages[0]!.blocks)).toContain('Not checked: idle-rds in eu-west-1');
    expect(stderr).toMatch(/eu-west-1: rule idle-rds not checked/);
  });

  it('fails only the metric rules of a region whose GetMetricData is denied; listing rules still report', async () => {
    const env = { AWS_ENDPOINT_URL: proxy.url };
    await seedWaste(aws.env, 'ap-south-1', {
      freeAddresses: 1,
      databases: [{ id: 'south-db', cls: 'db.t3.micro', engine: 'mysql', connections: 0 }],
    });
    const { code, json } = await run(config({ regions: ['ap-south-1'] }), env);

    expect(code).toBe(0);
    // idle-rds had a query to make; idle-instance had no running instance here, so nothing of it depended on CloudWatch.
    expect(json.ruleErrors).toEqual([
      { account: null, region: 'ap-south-1', rule: 'idle-rds', message: expect.stringContaining('cloudwatch:GetMetricData') },
    ]);
    expect(idsOf(json, 'unassociated-eip')).toHaveLength(1);
  });
});

describe('waste rules with 2,000 findings', { timeout: 300_000 }, () => {
  it('keeps the Slack and SNS messages within limits, says how many were left out, and the findings JSON has them all', async () => {
    const big = await awsEnvFor(moto.url);
    const ec2 = new EC2Client({ ...big.clientConfig });
    await mapLimit(Array.from({ length: 2000 }), 16, () => ec2.send(new AllocateAddressCommand({ Domain: 'vpc' })));

    const { code, json, stderr } = await run(config({ regions: ['us-east-1'] }), {}, big.env);

    expect(code, stderr).toBe(0);
    expect(json.findings).toHaveLength(2000);
    expect(slack.messages).toHaveLength(1);
    const msg = slack.messages[0]!;
    expect((msg.blocks as unknown[]).length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(JSON.stringify(msg.blocks)).toMatch(/…and 1995 more \(\$7,281\.75\/month\): see findings/);
    const [sns] = await topic.receive();
    expect(Buffer.byteLength(sns!.message)).toBeLessThan(256 * 1024);
    expect(sns!.message).toMatch(/…and 1960 more \(\$7,154\.00\/month\): see findings/);
  });
});
