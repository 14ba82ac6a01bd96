import { paginateDescribeNatGateways, type EC2Client } from '@aws-sdk/client-ec2';
import type { NatGateway } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

const NAT_PAGE = 1000;

/** Available NAT gateways only (server-side filter): deleted ones linger in the API for an hour. */
async function listNatGateways(ec2: EC2Client, region: string): Promise<Listed<NatGateway>> {
  const items: NatGateway[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeNatGateways(
      { client: ec2, pageSize: NAT_PAGE },
      { Filter: [{ Name: 'state', Values: ['available'] }] },
    )) {
      pages++;
      for (const n of out.NatGateways ?? [])
        if (n.NatGatewayId)
          items.push({ id: n.NatGatewayId, state: n.State ?? 'unknown', createTime: n.CreateTime?.toISOString(), tags: tagMap(n.Tags) });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeNatGateways in ${region}`, 'ec2:DescribeNatGateways');
  }
  return { items, calls: { DescribeNatGateways: pages } };
}

export const natGateways: ListingSource<'natGateways', 'ec2'> = {
  name: 'natGateways',
  service: 'ec2',
  calls: ['DescribeNatGateways'],
  iam: anyResource('EC2', ['ec2:DescribeNatGateways']),
  exemptTag: true,
  idOf: (n) => n.id,
  list: listNatGateways,
};
