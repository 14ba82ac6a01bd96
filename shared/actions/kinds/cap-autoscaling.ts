import { groupSize, listTaggedGroups, setGroupSize } from '../../aws/actions/auto-scaling-groups.js';
import type { ActionDo } from '../../config/budget-actions.js';
import type { ActionExecutor } from '../types.js';
import { planned } from './resource.js';

type Spec = Extract<ActionDo, { type: 'cap-autoscaling' }>;

/** Tagged Auto Scaling groups get MaxSize = their DesiredCapacity now: they keep running, and cannot grow. */
export const capAutoscaling: ActionExecutor<Spec> = {
  async plan(spec, target, aws) {
    const perRegion = await Promise.all(
      target.regions.map(async (region) => {
        const groups = await listTaggedGroups(aws.autoScaling(region, target.access), spec.tags, region);
        return groups
          .filter((g) => g.max > g.desired)
          .map((g) =>
            planned('autoscaling-group', g.name, region, g.tags, { min: g.min, max: g.max, desired: g.desired }, { max: g.desired }, null),
          );
      }),
    );
    return perRegion.flat();
  },
  async apply(r, _spec, target, aws) {
    const region = r.region!;
    const asg = aws.autoScaling(region, target.access);
    const now = await groupSize(asg, r.id, region);
    if (!now) return { ...r, state: 'failed', error: 'the group no longer exists' };
    const before = { min: now.min, max: now.max, desired: now.desired };
    if (now.max <= now.desired) return { ...r, before, after: { max: now.max }, state: 'unchanged' };
    await setGroupSize(asg, r.id, { max: now.desired }, region);
    return { ...r, before, after: { max: now.desired }, state: 'applied' };
  },
  async undo(r, _spec, target, aws) {
    const region = r.region!;
    await setGroupSize(aws.autoScaling(region, target.access), r.id, { max: Number(r.before.max) }, region);
    return { ...r, state: 'restored' };
  },
};
