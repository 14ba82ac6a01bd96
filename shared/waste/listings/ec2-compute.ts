import { paginateDescribeInstances, paginateDescribeVolumes, type EC2Client } from '@aws-sdk/client-ec2';
import type { Ec2Instance, EbsVolume } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import type { Listed } from './types.js';

// The largest pages each API allows: fewer round trips for big accounts.
const INSTANCE_PAGE = 1000;
const VOLUME_PAGE = 500;

/**
 * "User initiated (2024-05-01 12:00:00 GMT)" is the only place EC2 keeps when
 * an instance stopped; AWS writes GMT (some emulators UTC). Unreadable: undefined.
 */
export function stoppedAtOf(reason: string | undefined): string | undefined {
  const m = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (?:GMT|UTC)\)/.exec(reason ?? '');
  return m ? `${m[1]}T${m[2]}.000Z` : undefined;
}

/** Running and stopped instances (one listing serves idle-instance and stopped-instance); the state filter runs server-side. */
export async function listInstances(ec2: EC2Client, region: string): Promise<Listed<Ec2Instance>> {
  const items: Ec2Instance[] = [];
  let pages = 0;
  const filter = { Filters: [{ Name: 'instance-state-name', Values: ['running', 'stopped'] }] };
  try {
    for await (const out of paginateDescribeInstances({ client: ec2, pageSize: INSTANCE_PAGE }, filter)) {
      pages++;
      for (const r of out.Reservations ?? [])
        for (const i of r.Instances ?? []) {
          if (!i.InstanceId || !i.InstanceType) continue;
          const state = i.State?.Name ?? 'unknown';
          items.push({
            id: i.InstanceId,
            instanceType: i.InstanceType,
            state,
            launchTime: i.LaunchTime?.toISOString(),
            ...(state === 'stopped' ? { stoppedAt: stoppedAtOf(i.StateTransitionReason) } : {}),
            volumeIds: (i.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId).filter((v): v is string => !!v),
            tags: tagMap(i.Tags),
          });
        }
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeInstances in ${region}`, 'ec2:DescribeInstances');
  }
  return { items, calls: { DescribeInstances: pages } };
}

/** Every volume (one listing serves unattached-volume, gp2-volume, stopped-instance and orphaned-snapshot). */
export async function listVolumes(ec2: EC2Client, region: string): Promise<Listed<EbsVolume>> {
  const items: EbsVolume[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeVolumes({ client: ec2, pageSize: VOLUME_PAGE }, {})) {
      pages++;
      for (const v of out.Volumes ?? [])
        if (v.VolumeId)
          items.push({
            id: v.VolumeId,
            volumeType: v.VolumeType ?? 'unknown',
            sizeGiB: v.Size ?? 0,
            iops: v.Iops,
            throughput: v.Throughput,
            state: v.State ?? 'unknown',
            createTime: v.CreateTime?.toISOString(),
            attachedTo: (v.Attachments ?? []).map((a) => a.InstanceId).filter((id): id is string => !!id),
            tags: tagMap(v.Tags),
          });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeVolumes in ${region}`, 'ec2:DescribeVolumes');
  }
  return { items, calls: { DescribeVolumes: pages } };
}
