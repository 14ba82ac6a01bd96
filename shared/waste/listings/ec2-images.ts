import { paginateDescribeImages, paginateDescribeSnapshots, type EC2Client } from '@aws-sdk/client-ec2';
import type { MachineImage, Snapshot } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import type { Listed } from './types.js';

const SNAPSHOT_PAGE = 1000;
const IMAGE_PAGE = 1000;

/** Snapshots the account owns (`OwnerIds: self`): public and shared snapshots are not the account's waste. */
export async function listSnapshots(ec2: EC2Client, region: string): Promise<Listed<Snapshot>> {
  const items: Snapshot[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeSnapshots({ client: ec2, pageSize: SNAPSHOT_PAGE }, { OwnerIds: ['self'] })) {
      pages++;
      for (const s of out.Snapshots ?? [])
        if (s.SnapshotId)
          items.push({
            id: s.SnapshotId,
            volumeId: s.VolumeId || undefined,
            sizeGiB: s.VolumeSize ?? 0,
            state: s.State ?? 'unknown',
            startTime: s.StartTime?.toISOString(),
            tags: tagMap(s.Tags),
          });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeSnapshots in ${region}`, 'ec2:DescribeSnapshots');
  }
  return { items, calls: { DescribeSnapshots: pages } };
}

/** The account's own AMIs, for the snapshots they use (a snapshot behind an AMI is not orphaned). */
export async function listImages(ec2: EC2Client, region: string): Promise<Listed<MachineImage>> {
  const items: MachineImage[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeImages({ client: ec2, pageSize: IMAGE_PAGE }, { Owners: ['self'] })) {
      pages++;
      for (const i of out.Images ?? [])
        if (i.ImageId)
          items.push({
            id: i.ImageId,
            snapshotIds: (i.BlockDeviceMappings ?? []).map((b) => b.Ebs?.SnapshotId).filter((s): s is string => !!s),
            tags: tagMap(i.Tags),
          });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeImages in ${region}`, 'ec2:DescribeImages');
  }
  return { items, calls: { DescribeImages: pages } };
}
