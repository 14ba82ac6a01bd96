import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { CreateVolumeCommand, EC2Client, RunInstancesCommand, type Tag, type VolumeType, type _InstanceType } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { orphanedSnapshot } from '../../shared/detect/waste/rules/orphaned-snapshot.js';
import { stoppedInstance } from '../../shared/detect/waste/rules/stopped-instance.js';
import { seedWaste, type WasteSeed } from './waste.js';

/** One instance to seed: `cpu` is its average CPUUtilization, null for an instance CloudWatch has no data for. */
export interface SeedInstance {
  readonly type: string;
  readonly cpu: number | null;
  readonly name?: string;
  readonly exempt?: boolean;
}

export interface SeedVolume {
  readonly type: string;
  readonly sizeGiB: number;
  readonly iops?: number;
  readonly name?: string;
}

export interface SeedRegion {
  readonly region: string;
  readonly instances: readonly SeedInstance[];
  readonly volumes: readonly SeedVolume[];
}

export interface SeedOptions {
  /** Days of daily datapoints before `now`'s date. @default 14 */
  readonly days?: number;
  readonly now?: Date;
  /** @default 'cost-watch:ignore' */
  readonly exemptTag?: string;
}

export interface SeededRegion {
  readonly region: string;
  /** Seeded ids in the order of `instances`, and of `volumes`. */
  readonly instanceIds: string[];
  readonly volumeIds: string[];
}

/** Clients from an environment record (not process.env): the moto endpoint and that account's keys. */
export function clientConfig(env: Record<string, string>, region: string) {
  const { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!endpoint || !accessKeyId || !secretAccessKey)
    throw new Error('idle seed: env needs AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  return { endpoint, region, credentials: { accessKeyId, secretAccessKey } };
}

const tags = (t: Record<string, string | undefined>): Tag[] =>
  Object.entries(t)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([Key, Value]) => ({ Key, Value }));

/** Same-shaped instances are launched in one RunInstances call: seeding 250 costs a handful of calls. */
async function launch(ec2: EC2Client, instances: readonly SeedInstance[], exemptTag: string): Promise<string[]> {
  const groups = new Map<string, number[]>();
  instances.forEach((i, n) => {
    const key = JSON.stringify([i.type, i.name ?? null, i.exempt ?? false]);
    groups.set(key, [...(groups.get(key) ?? []), n]);
  });
  const ids: string[] = new Array(instances.length);
  for (const members of groups.values()) {
    const first = instances[members[0]!]!;
    const t = tags({ Name: first.name, [exemptTag]: first.exempt ? 'true' : undefined });
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: first.type as _InstanceType,
        MinCount: members.length,
        MaxCount: members.length,
        ...(t.length ? { TagSpecifications: [{ ResourceType: 'instance', Tags: t }] } : {}),
      }),
    );
    (out.Instances ?? []).forEach((inst, k) => (ids[members[k]!] = inst.InstanceId!));
  }
  return ids;
}

/**
 * Daily CPU datapoints at noon of each of the `days` days before today. Values
 * alternate above and below the target so the window's average is exactly it.
 * 1000 datums a request, the PutMetricData maximum. Uncompressed: moto answers
 * gzip-compressed PutMetricData with HTTP 500.
 */
async function putCpu(
  cw: CloudWatchClient,
  ids: readonly string[],
  instances: readonly SeedInstance[],
  days: number,
  now: Date,
): Promise<void> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const data: MetricDatum[] = [];
  instances.forEach((inst, n) => {
    if (inst.cpu === null) return;
    const swing = Math.min(inst.cpu, 100 - inst.cpu) * 0.3;
    for (let d = 1; d <= days; d++)
      data.push({
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: ids[n]! }],
        Timestamp: new Date(midnight - d * 86_400_000 + 43_200_000),
        Value: inst.cpu + (d % 2 ? swing : -swing),
        Unit: 'Percent',
      });
  });
  for (let i = 0; i < data.length; i += 1000)
    await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: data.slice(i, i + 1000) }));
}

async function createVolumes(ec2: EC2Client, region: string, volumes: readonly SeedVolume[]): Promise<string[]> {
  const ids: string[] = [];
  for (const v of volumes) {
    const out = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${region}a`,
        Size: v.sizeGiB,
        VolumeType: v.type as VolumeType,
        ...(v.iops ? { Iops: v.iops } : {}),
        ...(v.name ? { TagSpecifications: [{ ResourceType: 'volume', Tags: tags({ Name: v.name }) }] } : {}),
      }),
    );
    ids.push(out.VolumeId!);
  }
  return ids;
}

/** Seeds instances, their CPU history and unattached volumes in each region, regions in parallel. */
export async function seedFleet(
  env: Record<string, string>,
  regions: readonly SeedRegion[],
  options: SeedOptions = {},
): Promise<SeededRegion[]> {
  const days = options.days ?? 14;
  const now = options.now ?? new Date();
  const exemptTag = options.exemptTag ?? 'cost-watch:ignore';
  return Promise.all(
    regions.map(async (r) => {
      const ec2 = new EC2Client(clientConfig(env, r.region));
      const cw = new CloudWatchClient({ ...clientConfig(env, r.region), disableRequestCompression: true });
      const instanceIds = await launch(ec2, r.instances, exemptTag);
      const [, volumeIds] = await Promise.all([putCpu(cw, instanceIds, r.instances, days, now), createVolumes(ec2, r.region, r.volumes)]);
      return { region: r.region, instanceIds, volumeIds };
    }),
  );
}

/** The demo account: busy and idle instances in two regions, one idle but exempt, one without data, some unattached volumes. */
export const DEMO_FLEET: readonly SeedRegion[] = [
  {
    region: 'us-east-1',
    instances: [
      { type: 'm5.large', cpu: 1.2, name: 'legacy-reporting' },
      { type: 'c6i.2xlarge', cpu: 2.5, name: 'batch_worker *old*' },
      { type: 'm5.large', cpu: 47, name: 'web-1' },
      { type: 'm5.large', cpu: 52, name: 'web-2' },
      { type: 'r6g.xlarge', cpu: 0.8, name: 'bastion <prod>', exempt: true },
      { type: 't3.medium', cpu: null, name: 'just-launched' },
    ],
    volumes: [
      { type: 'gp2', sizeGiB: 500, name: 'old-db-backup' },
      { type: 'io1', sizeGiB: 100, iops: 3000, name: 'perf-test' },
      { type: 'gp3', sizeGiB: 50 },
    ],
  },
  {
    region: 'eu-west-1',
    instances: [
      { type: 'm6i.xlarge', cpu: 3.1, name: 'eu-staging' },
      { type: 't3.large', cpu: 35, name: 'eu-api' },
    ],
    volumes: [{ type: 'gp3', sizeGiB: 200, name: 'eu-scratch' }],
  },
];

/** The report bucket the demo config names; the job writes its findings there. */
export const DEMO_BUCKET = 'cost-watch-reports-demo';

/** `npm run demo`: seeds DEMO_FLEET and the report bucket (created when missing). */
export async function seedIdleResources(env: Record<string, string>, options: { bucket?: string } = {}): Promise<void> {
  const bucket = options.bucket ?? DEMO_BUCKET;
  const s3 = new S3Client({ ...clientConfig(env, 'us-east-1'), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((err: Error) => {
    if (!/BucketAlready(OwnedByYou|Exists)/.test(err.name)) throw err;
  });
  await seedFleet(env, DEMO_FLEET);
  await seedWaste(env, 'us-east-1', DEMO_WASTE);
}

/** One of each kind of the other seven rules (plus a busy and an exempt one where it shows the rule's judgement). */
export const DEMO_WASTE: WasteSeed = {
  freeAddresses: 1,
  natGateways: [0.05, 120],
  loadBalancers: [
    { type: 'application', traffic: 0, name: 'old-campaign-alb' },
    { type: 'network', traffic: 0, name: 'legacy-nlb' },
    { type: 'application', traffic: 90_000, name: 'web-alb' },
    { type: 'application', traffic: 0, name: 'dr-alb', exempt: true },
  ],
  orphanedSnapshots: 1,
  liveSnapshots: 1,
  images: 1,
  stoppedInstances: [{ type: 'r6i.xlarge', name: 'parked-etl' }],
  databases: [
    { id: 'reporting-replica', cls: 'db.r6g.large', engine: 'postgres', multiAz: true, connections: 0 },
    { id: 'orders', cls: 'db.m6g.large', engine: 'mysql', connections: 35 },
  ],
};

/**
 * moto 5.2.1 stamps every snapshot's StartTime and every stop's StateTransitionReason with the current time, and
 * no API or moto-api endpoint backdates them: without these overrides the demo's stopped instance and orphaned
 * snapshot would not be findings at the documented defaults. The demo says so on screen (DEMO_IDLE_RULES_NOTE).
 */
export const DEMO_IDLE_RULES = { 'orphaned-snapshot': { minAgeDays: 0 }, 'stopped-instance': { minDays: 0 } };

const defaults = { stopped: stoppedInstance.options.parse({}).minDays, snapshot: orphanedSnapshot.options.parse({}).minAgeDays };

/** The one line the demo prints before idle-resources: which defaults it overrides, and why. */
export const DEMO_IDLE_RULES_NOTE =
  `Demo config: stopped-instance.minDays and orphaned-snapshot.minAgeDays are 0 (defaults ${defaults.stopped} and ` +
  `${defaults.snapshot} days): moto stamps every stop and snapshot with the current time and cannot backdate them.\n`;
