import { isProtected, nameOf, type TagMap } from '../../detect/actions/tags.js';
import type { ActionResource, ResourceKind, ResourceSnapshot } from '../../detect/actions/types.js';

/** A resource the plan lists: `protected` when tagged so (never touched), else `planned`. */
export function planned(
  kind: ResourceKind,
  id: string,
  region: string | null,
  tags: TagMap,
  before: ResourceSnapshot,
  after: ResourceSnapshot,
  estimatedMonthlyCost: number | null,
): ActionResource {
  const name = nameOf(tags);
  return {
    kind,
    id,
    region,
    ...(name ? { name } : {}),
    state: isProtected(tags) ? 'protected' : 'planned',
    before,
    after,
    estimatedMonthlyCost,
  };
}

/** The monthly spend a plan stops: the sum over what it will change; null when one of them has no known price. */
export function effectOf(resources: readonly ActionResource[]): number | null {
  let sum = 0;
  for (const r of resources) {
    if (r.state !== 'planned') continue;
    if (r.estimatedMonthlyCost === null) return null;
    sum += r.estimatedMonthlyCost;
  }
  return Math.round(sum * 100) / 100;
}
