import { groupSize, listTaggedGroups, setGroupSize } from '../../aws/actions/auto-scaling-groups.js';
import { listDbInstances, startDbInstance, stopDbInstance } from '../../aws/actions/db-instances.js';
import { listRunningTaggedInstances, startInstance, stopInstance } from '../../aws/actions/ec2-instances.js';
import type { AwsClients } from '../../aws/aws-clients.js';
import type { ActionDo } from '../../config/budget-actions.js';
import { matchesTags } from '../../detect/actions/tags.js';
import type { ActionResource } from '../../detect/actions/types.js';
import { instanceMonthlyCost, rdsMonthlyCost } from '../../pricing/index.js';
import type { ActionExecutor, ActionTarget } from '../types.js';
import { planned } from './resource.js';

type Spec = Extract<ActionDo, { type: 'scale-down' }>;

/** An instance its group launched: the group's desired 0 stops it; stopping it alone would only make the group replace it. */
const GROUP_TAG = 'aws:autoscaling:groupName';

/** What a group's running instances cost a month; null when one type is not in the price table or the group lists none. */
function groupCost(region: string, desired: number, types: readonly string[]): number | null {
  if (desired === 0) return 0;
  if (!types.length) return null;
  let sum = 0;
  for (const t of types) {
    const price = instanceMonthlyCost(region, t);
    if (price === null) return null;
    sum += price;
  }
  return sum;
}

async function planRegion(spec: Spec, target: ActionTarget, aws: AwsClients, region: string): Promise<ActionResource[]> {
  const access = target.access;
  const [instances, dbs, groups] = await Promise.all([
    listRunningTaggedInstances(aws.ec2(region, access), spec.tags, region),
    listDbInstances(aws.rds(region, access), region),
    listTaggedGroups(aws.autoScaling(region, access), spec.tags, region),
  ]);
  const out: ActionResource[] = instances
    .filter((i) => !(GROUP_TAG in i.tags))
    .map((i) =>
      planned(
        'ec2-instance',
        i.id,
        region,
        i.tags,
        { state: i.state, instanceType: i.instanceType },
        { state: 'stopped' },
        instanceMonthlyCost(region, i.instanceType),
      ),
    );
  for (const d of dbs.filter((x) => x.status === 'available' && matchesTags(x.tags, spec.tags))) {
    const r = planned(
      'rds-instance',
      d.id,
      region,
      d.tags,
      { status: d.status, instanceClass: d.instanceClass },
      { status: 'stopped' },
      rdsMonthlyCost(region, d.engine, d.instanceClass, d.multiAz),
    );
    // Aurora instances stop only with their whole cluster (StopDBCluster), which scale-down does not do.
    out.push(
      d.cluster && r.state === 'planned'
        ? { ...r, state: 'failed', error: `a member of Aurora cluster ${d.cluster}: it stops only with its cluster` }
        : r,
    );
  }
  for (const g of groups.filter((x) => x.min > 0 || x.desired > 0))
    out.push(
      planned(
        'autoscaling-group',
        g.name,
        region,
        g.tags,
        { min: g.min, max: g.max, desired: g.desired },
        { min: 0, desired: 0 },
        groupCost(region, g.desired, g.instanceTypes),
      ),
    );
  return out;
}

/** Stops tagged EC2 and RDS instances and sets tagged Auto Scaling groups to min 0 / desired 0, in every configured region. */
export const scaleDown: ActionExecutor<Spec> = {
  async plan(spec, target, aws) {
    const perRegion = await Promise.all(target.regions.map((region) => planRegion(spec, target, aws, region)));
    return perRegion.flat();
  },
  async apply(r, _spec, target, aws) {
    const region = r.region!;
    if (r.kind === 'ec2-instance') {
      const was = await stopInstance(aws.ec2(region, target.access), r.id, region);
      return was === 'stopped'
        ? { ...r, before: { ...r.before, state: was }, state: 'unchanged' }
        : { ...r, before: { ...r.before, state: was }, state: 'applied' };
    }
    if (r.kind === 'rds-instance') {
      await stopDbInstance(aws.rds(region, target.access), r.id, region);
      return { ...r, state: 'applied' };
    }
    const asg = aws.autoScaling(region, target.access);
    const now = await groupSize(asg, r.id, region);
    if (!now) return { ...r, state: 'failed', error: 'the group no longer exists' };
    await setGroupSize(asg, r.id, { min: 0, desired: 0 }, region);
    return { ...r, before: { min: now.min, max: now.max, desired: now.desired }, state: 'applied' };
  },
  async undo(r, _spec, target, aws) {
    const region = r.region!;
    if (r.kind === 'ec2-instance') await startInstance(aws.ec2(region, target.access), r.id, region);
    else if (r.kind === 'rds-instance') await startDbInstance(aws.rds(region, target.access), r.id, region);
    else
      await setGroupSize(
        aws.autoScaling(region, target.access),
        r.id,
        { min: Number(r.before.min), max: Number(r.before.max), desired: Number(r.before.desired) },
        region,
      );
    return { ...r, state: 'restored' };
  },
};
