import { paginateDescribeImages, type EC2Client } from '@aws-sdk/client-ec2';
import type { MachineImage } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

const IMAGE_PAGE = 1000;

/** The account's own AMIs, for the snapshots they use (a snapshot behind an AMI is not orphaned). */
async function listImages(ec2: EC2Client, region: string): Promise<Listed<MachineImage>> {
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

export const images: ListingSource<'images', 'ec2'> = {
  name: 'images',
  service: 'ec2',
  calls: ['DescribeImages'],
  iam: anyResource('EC2', ['ec2:DescribeImages']),
  // An exempt AMI still uses its snapshots; images are never findings themselves.
  exemptTag: false,
  idOf: (i) => i.id,
  list: listImages,
};
