import {
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
  UpdateAutoScalingGroupCommand,
  type AutoScalingClient,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import { tagMap, type TagMap } from '../../detect/actions/tags.js';
import { explainAwsError } from '../errors.js';
import { tagFilters } from './ec2-instances.js';

export interface GroupSize {
  readonly min: number;
  readonly max: number;
  readonly desired: number;
}

export interface ScalingGroup extends GroupSize {
  readonly name: string;
  /** The types of its running instances, one entry per instance (what scaling to 0 stops). */
  readonly instanceTypes: readonly string[];
  readonly tags: TagMap;
}

const toGroup = (g: AutoScalingGroup): ScalingGroup => ({
  name: g.AutoScalingGroupName ?? 'unknown',
  min: g.MinSize ?? 0,
  max: g.MaxSize ?? 0,
  desired: g.DesiredCapacity ?? 0,
  instanceTypes: (g.Instances ?? []).filter((i) => i.LifecycleState !== 'Terminated').map((i) => i.InstanceType ?? 'unknown'),
  tags: tagMap(g.Tags),
});

/** Groups carrying the tags (`tag:<key>` filters: keys AND'ed, values OR'ed); paginated as AWS requires. */
export async function listTaggedGroups(
  asg: AutoScalingClient,
  tags: Readonly<Record<string, readonly string[]>>,
  region: string,
): Promise<ScalingGroup[]> {
  const out: ScalingGroup[] = [];
  try {
    for await (const page of paginateDescribeAutoScalingGroups({ client: asg }, { Filters: tagFilters(tags) }))
      out.push(...(page.AutoScalingGroups ?? []).map(toGroup));
  } catch (err) {
    throw explainAwsError(err, `Auto Scaling DescribeAutoScalingGroups in ${region}`, 'autoscaling:DescribeAutoScalingGroups');
  }
  return out;
}

/** One group's size now (read again just before a change, so undo restores what it really was). */
export async function groupSize(asg: AutoScalingClient, name: string, region: string): Promise<GroupSize | undefined> {
  const out = await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] })).catch((err: unknown) => {
    throw explainAwsError(err, `Auto Scaling DescribeAutoScalingGroups ${name} in ${region}`, 'autoscaling:DescribeAutoScalingGroups');
  });
  const g = out.AutoScalingGroups?.[0];
  return g ? toGroup(g) : undefined;
}

export async function setGroupSize(asg: AutoScalingClient, name: string, size: Partial<GroupSize>, region: string): Promise<void> {
  await asg
    .send(
      new UpdateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        ...(size.min === undefined ? {} : { MinSize: size.min }),
        ...(size.max === undefined ? {} : { MaxSize: size.max }),
        ...(size.desired === undefined ? {} : { DesiredCapacity: size.desired }),
      }),
    )
    .catch((err: unknown) => {
      throw explainAwsError(err, `Auto Scaling UpdateAutoScalingGroup ${name} in ${region}`, 'autoscaling:UpdateAutoScalingGroup');
    });
}
