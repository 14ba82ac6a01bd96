import { paginateDescribeInstances, StartInstancesCommand, StopInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { tagMap, type TagMap } from '../../detect/actions/tags.js';
import { explainAwsError } from '../errors.js';

export interface TaggedInstance {
  readonly id: string;
  readonly instanceType: string;
  readonly state: string;
  readonly tags: TagMap;
}

/** Tag filters as EC2 reads them: one filter per key (AND), its values OR'ed. */
export const tagFilters = (tags: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(tags).map(([key, values]) => ({ Name: `tag:${key}`, Values: [...values] }));

/** Pending and running instances carrying the tags (what stopping saves); paginated as AWS requires. */
export async function listRunningTaggedInstances(
  ec2: EC2Client,
  tags: Readonly<Record<string, readonly string[]>>,
  region: string,
): Promise<TaggedInstance[]> {
  const out: TaggedInstance[] = [];
  const Filters = [...tagFilters(tags), { Name: 'instance-state-name', Values: ['pending', 'running'] }];
  try {
    for await (const page of paginateDescribeInstances({ client: ec2 }, { Filters }))
      for (const r of page.Reservations ?? [])
        for (const i of r.Instances ?? [])
          if (i.InstanceId)
            out.push({
              id: i.InstanceId,
              instanceType: i.InstanceType ?? 'unknown',
              state: i.State?.Name ?? 'unknown',
              tags: tagMap(i.Tags),
            });
  } catch (err) {
    throw explainAwsError(err, `EC2 DescribeInstances in ${region}`, 'ec2:DescribeInstances');
  }
  return out;
}

/** One instance per call: an instance that cannot be stopped fails alone. Answers the state it was in before. */
export async function stopInstance(ec2: EC2Client, id: string, region: string): Promise<string> {
  const out = await ec2.send(new StopInstancesCommand({ InstanceIds: [id] })).catch((err: unknown) => {
    throw explainAwsError(err, `EC2 StopInstances ${id} in ${region}`, 'ec2:StopInstances');
  });
  return out.StoppingInstances?.[0]?.PreviousState?.Name ?? 'unknown';
}

export async function startInstance(ec2: EC2Client, id: string, region: string): Promise<void> {
  await ec2.send(new StartInstancesCommand({ InstanceIds: [id] })).catch((err: unknown) => {
    throw explainAwsError(err, `EC2 StartInstances ${id} in ${region}`, 'ec2:StartInstances');
  });
}
