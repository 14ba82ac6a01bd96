import { DescribeAddressesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticIp } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

/** DescribeAddresses is not paginated: one call answers every address of the region. */
async function listAddresses(ec2: EC2Client, region: string): Promise<Listed<ElasticIp>> {
  const out = await ec2.send(new DescribeAddressesCommand({})).catch((err: unknown) => {
    throw explainAwsError(err, `EC2 DescribeAddresses in ${region}`, 'ec2:DescribeAddresses');
  });
  const items = (out.Addresses ?? []).map((a): ElasticIp => ({
    id: a.AllocationId || a.PublicIp || 'unknown',
    publicIp: a.PublicIp,
    // Empty strings count as absent (some emulators send InstanceId: "").
    associated: !!(a.AssociationId || a.InstanceId || a.NetworkInterfaceId),
    tags: tagMap(a.Tags),
  }));
  return { items, calls: { DescribeAddresses: 1 } };
}

export const addresses: ListingSource<'addresses', 'ec2'> = {
  name: 'addresses',
  service: 'ec2',
  calls: ['DescribeAddresses'],
  iam: anyResource('EC2', ['ec2:DescribeAddresses']),
  exemptTag: true,
  idOf: (a) => a.id,
  list: listAddresses,
};
