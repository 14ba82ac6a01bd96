import { paginateDescribeSnapshots, type EC2Client } from '@aws-sdk/client-ec2';
import type { Snapshot } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

const SNAPSHOT_PAGE = 1000;

/** Snapshots the account owns (`OwnerIds: self`): public and shared snapshots are not the account's waste. */
async function listSnapshots(ec2: EC2Client, region: string): Promise<Listed<Snapshot>> {
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

export const snapshots: ListingSource<'snapshots', 'ec2'> = {
  name: 'snapshots',
  service: 'ec2',
  calls: ['DescribeSnapshots'],
  iam: anyResource('EC2', ['ec2:DescribeSnapshots']),
  exemptTag: true,
  idOf: (s) => s.id,
  list: listSnapshots,
};
