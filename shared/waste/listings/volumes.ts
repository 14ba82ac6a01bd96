import { paginateDescribeVolumes, type EC2Client } from '@aws-sdk/client-ec2';
import type { EbsVolume } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

const VOLUME_PAGE = 500;

/** Every volume, attached or not: one listing serves every rule that reads volumes. */
async function listVolumes(ec2: EC2Client, region: string): Promise<Listed<EbsVolume>> {
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

export const volumes: ListingSource<'volumes', 'ec2'> = {
  name: 'volumes',
  service: 'ec2',
  calls: ['DescribeVolumes'],
  iam: anyResource('EC2', ['ec2:DescribeVolumes']),
  exemptTag: true,
  // A stopped instance that is exempt exempts its volumes.
  exemptWith: { listing: 'instances', ids: (v) => v.attachedTo },
  idOf: (v) => v.id,
  list: listVolumes,
};
