import { paginateDescribeInstances, type EC2Client } from '@aws-sdk/client-ec2';
import type { Ec2Instance } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

// The largest page the API allows: fewer round trips for big accounts.
const INSTANCE_PAGE = 1000;

/**
 * "User initiated (2024-05-01 12:00:00 GMT)" is the only place EC2 keeps when
 * an instance stopped; AWS writes GMT (some emulators UTC). Unreadable: undefined.
 */
export function stoppedAtOf(reason: string | undefined): string | undefined {
  const m = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (?:GMT|UTC)\)/.exec(reason ?? '');
  return m ? `${m[1]}T${m[2]}.000Z` : undefined;
}

/** Running and stopped instances (one listing serves the rules of both); the state filter runs server-side. */
async function listInstances(ec2: EC2Client, region: string): Promise<Listed<Ec2Instance>> {
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

export const instances: ListingSource<'instances', 'ec2'> = {
  name: 'instances',
  service: 'ec2',
  calls: ['DescribeInstances'],
  iam: anyResource('EC2', ['ec2:DescribeInstances']),
  exemptTag: true,
  idOf: (i) => i.id,
  list: listInstances,
};
