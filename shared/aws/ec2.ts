import { paginateDescribeInstances, paginateDescribeVolumes, type EC2Client, type Tag } from '@aws-sdk/client-ec2';
import { explainAwsError } from './errors.js';

/** A running instance as the idle rules need it. */
export interface RunningInstance {
  readonly id: string;
  readonly instanceType: string;
  readonly launchTime?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** An EBS volume in state `available` (attached to nothing). */
export interface AvailableVolume {
  readonly id: string;
  readonly volumeType: string;
  readonly sizeGiB: number;
  readonly iops?: number;
  readonly throughput?: number;
  readonly createTime?: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface Listed<T> {
  readonly items: T[];
  /** Requests made, for the benchmark's call count. */
  readonly pages: number;
}

// The largest pages each API allows: fewer round trips for big accounts.
const INSTANCE_PAGE = 1000;
const VOLUME_PAGE = 500;

export const tagMap = (tags: readonly Tag[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));

/** Running instances only: the state filter runs server-side, so stopped fleets cost no pages. */
export async function listRunningInstances(ec2: EC2Client, region: string): Promise<Listed<RunningInstance>> {
  const items: RunningInstance[] = [];
  let pages = 0;
  const paginator = paginateDescribeInstances({ client: ec2, pageSize: INSTANCE_PAGE }, { Filters: [{ Name: 'instance-state-name', Values: ['running'] }] });
  try {
    for await (const out of paginator) {
      pages++;
      for (const r of out.Reservations ?? [])
        for (const i of r.Instances ?? [])
          if (i.InstanceId && i.InstanceType)
            items.push({ id: i.InstanceId, instanceType: i.InstanceType, launchTime: i.LaunchTime?.toISOString(), tags: tagMap(i.Tags) });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeInstances in ${region}`, 'ec2:DescribeInstances');
  }
  return { items, pages };
}

/** Volumes in state `available`, filtered server-side. */
export async function listAvailableVolumes(ec2: EC2Client, region: string): Promise<Listed<AvailableVolume>> {
  const items: AvailableVolume[] = [];
  let pages = 0;
  const paginator = paginateDescribeVolumes({ client: ec2, pageSize: VOLUME_PAGE }, { Filters: [{ Name: 'status', Values: ['available'] }] });
  try {
    for await (const out of paginator) {
      pages++;
      for (const v of out.Volumes ?? [])
        if (v.VolumeId)
          items.push({
            id: v.VolumeId,
            volumeType: v.VolumeType ?? 'unknown',
            sizeGiB: v.Size ?? 0,
            iops: v.Iops,
            throughput: v.Throughput,
            createTime: v.CreateTime?.toISOString(),
            tags: tagMap(v.Tags),
          });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeVolumes in ${region}`, 'ec2:DescribeVolumes');
  }
  return { items, pages };
}
