import { DescribeAddressesCommand, paginateDescribeNatGateways, type EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticIp, NatGateway } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import type { Listed } from './types.js';

const NAT_PAGE = 1000;

/** DescribeAddresses is not paginated: one call answers every address of the region. */
export async function listAddresses(ec2: EC2Client, region: string): Promise<Listed<ElasticIp>> {
  const out = await ec2.send(new DescribeAddressesCommand({})).catch((err: unknown) => {
    throw explainAwsError(err, `EC2 DescribeAddresses in ${region}`, 'ec2:DescribeAddresses');
  });
  const items = (out.Addresses ?? []).map(
    (a): ElasticIp => ({
      id: a.AllocationId || a.PublicIp || 'unknown',
      publicIp: a.PublicIp,
      // Empty strings count as absent (some emulators send InstanceId: "").
      associated: !!(a.AssociationId || a.InstanceId || a.NetworkInterfaceId),
      tags: tagMap(a.Tags),
    }),
  );
  return { items, calls: { DescribeAddresses: 1 } };
}

/** Available NAT gateways only (server-side filter): deleted ones linger in the API for an hour. */
export async function listNatGateways(ec2: EC2Client, region: string): Promise<Listed<NatGateway>> {
  const items: NatGateway[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeNatGateways({ client: ec2, pageSize: NAT_PAGE }, { Filter: [{ Name: 'state', Values: ['available'] }] })) {
      pages++;
      for (const n of out.NatGateways ?? [])
        if (n.NatGatewayId) items.push({ id: n.NatGatewayId, state: n.State ?? 'unknown', createTime: n.CreateTime?.toISOString(), tags: tagMap(n.Tags) });
    }
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeNatGateways in ${region}`, 'ec2:DescribeNatGateways');
  }
  return { items, calls: { DescribeNatGateways: pages } };
}
