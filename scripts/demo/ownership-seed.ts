import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { CreateVolumeCommand, DeleteVolumeCommand, EC2Client, RunInstancesCommand, type Tag } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import type { CostRecord } from '../../emulators/cost-explorer.js';
import { addDays, type IsoDate } from '../../shared/time/dates.js';
import { clientConfig } from './idle-resources.js';

/**
 * One shared account, two teams: what the ownership digest demo (and its
 * integration test) seeds. `ownership.tags` is ["team", "env"].
 */
export interface OwnershipSeeded {
  readonly region: string;
  /** Idle, team=data env=prod: data's finding, fully tagged. */
  readonly dataInstance: string;
  /** Unattached gp3 50 GiB, team=data without env: data's finding and unassigned resource; deleted between the runs. */
  readonly dataVolume: string;
  /** Unattached gp2 100 GiB, team=web env=dev: web's finding. */
  readonly webVolume: string;
  /** Idle, no tags at all: the default destination's finding and unassigned resource. */
  readonly untaggedInstance: string;
  /** A bucket tagged only purpose=logs: no team (GetResources lists only resources that carry some tag). */
  readonly untaggedBucket: string;
}

const tagList = (t: Record<string, string>): Tag[] => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

async function instance(ec2: EC2Client, tags: Record<string, string>): Promise<string> {
  // Tagged at launch, root volume included, as a team's launch template would.
  const on = (ResourceType: 'instance' | 'volume') => ({ ResourceType, Tags: tagList(tags) });
  const spec = Object.keys(tags).length ? { TagSpecifications: [on('instance'), on('volume')] } : {};
  const out = await ec2.send(
    new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 'm5.large', MinCount: 1, MaxCount: 1, ...spec }),
  );
  return out.Instances![0]!.InstanceId!;
}

async function volume(ec2: EC2Client, region: string, type: 'gp2' | 'gp3', sizeGiB: number, tags: Record<string, string>) {
  const out = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${region}a`,
      Size: sizeGiB,
      VolumeType: type,
      TagSpecifications: [{ ResourceType: 'volume', Tags: tagList(tags) }],
    }),
  );
  return out.VolumeId!;
}

/** A CPU datapoint at noon of each of `days` days before `now`: enough history for a run dated a week back too. */
async function idleCpu(cw: CloudWatchClient, ids: readonly string[], days: number, now: Date): Promise<void> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const data: MetricDatum[] = ids.flatMap((id) =>
    Array.from({ length: days }, (_, d) => ({
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: id }],
      Timestamp: new Date(midnight - (d + 1) * 86_400_000 + 43_200_000),
      Value: 1.5,
      Unit: 'Percent' as const,
    })),
  );
  for (let i = 0; i < data.length; i += 1000)
    await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: data.slice(i, i + 1000) }));
}

/** Seeds the shared account in `region`; `bucket` must be unique on the moto server. */
export async function seedOwnership(env: Record<string, string>, bucket: string, region = 'us-east-1'): Promise<OwnershipSeeded> {
  const ec2 = new EC2Client(clientConfig(env, region));
  const s3 = new S3Client({ ...clientConfig(env, region), forcePathStyle: true });
  const dataInstance = await instance(ec2, { team: 'data', env: 'prod', Name: 'data-etl' });
  const untaggedInstance = await instance(ec2, {});
  const dataVolume = await volume(ec2, region, 'gp3', 50, { team: 'data', Name: 'data-scratch' });
  const webVolume = await volume(ec2, region, 'gp2', 100, { team: 'web', env: 'dev' });
  const cw = new CloudWatchClient({ ...clientConfig(env, region), disableRequestCompression: true });
  await idleCpu(cw, [dataInstance, untaggedInstance], 28, new Date());
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'purpose', Value: 'logs' }] } }));
  return { region, dataInstance, dataVolume, webVolume, untaggedInstance, untaggedBucket: bucket };
}

/** What the data team did between the two runs: deleted its unattached volume. */
export async function deleteVolume(env: Record<string, string>, region: string, id: string): Promise<void> {
  await new EC2Client(clientConfig(env, region)).send(new DeleteVolumeCommand({ VolumeId: id }));
}

/** Seven days of spend to `end` for the Cost Explorer double: $25 of $100 a day carries no team tag (25 %). */
export function ownershipSpend(end: IsoDate, account: string): CostRecord[] {
  const lines: Array<[string, number, Record<string, string> | undefined]> = [
    ['Amazon Elastic Compute Cloud - Compute', 45, { team: 'data' }],
    ['Amazon Elastic Compute Cloud - Compute', 30, { team: 'web' }],
    ['Amazon Elastic Compute Cloud - Compute', 15, undefined],
    ['Amazon Simple Storage Service', 10, undefined],
  ];
  return Array.from({ length: 14 }, (_, d) => addDays(end, -d)).flatMap((date) =>
    lines.map(([service, amount, tags]) => ({ date, service, amount, linkedAccount: account, ...(tags ? { tags } : {}) })),
  );
}
