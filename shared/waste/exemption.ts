import type { Listings, Tags } from '../detect/waste/types.js';

export function isExempt(tags: Tags, exemptTag: string): boolean {
  return tags[exemptTag]?.trim().toLowerCase() === 'true';
}

export interface Exemption {
  /** The listings without exempt resources: what rules judge. */
  readonly kept: Listings;
  /** Resources tagged exempt themselves (volumes exempt through their instance not counted). */
  readonly tagged: number;
}

/**
 * Applies `exemptTag` = true to every resource type, before any rule sees it:
 * a rule cannot forget it. A volume attached to an exempt instance is exempt
 * too (a stopped instance that is exempt exempts its volumes).
 */
export function applyExemption(all: Listings, exemptTag: string): Exemption {
  const exempt = <T extends { tags: Tags }>(items: readonly T[]) => items.filter((i) => isExempt(i.tags, exemptTag));
  const keep = <T extends { tags: Tags }>(items: readonly T[]) => items.filter((i) => !isExempt(i.tags, exemptTag));
  const exemptInstances = new Set(exempt(all.instances).map((i) => i.id));
  const kept: Listings = {
    instances: keep(all.instances),
    volumes: keep(all.volumes).filter((v) => !v.attachedTo.some((id) => exemptInstances.has(id))),
    addresses: keep(all.addresses),
    natGateways: keep(all.natGateways),
    loadBalancers: keep(all.loadBalancers),
    snapshots: keep(all.snapshots),
    // An exempt AMI still uses its snapshots; images are never findings themselves.
    images: all.images,
    dbInstances: keep(all.dbInstances),
  };
  const tagged = (['instances', 'volumes', 'addresses', 'natGateways', 'loadBalancers', 'snapshots', 'dbInstances'] as const).reduce(
    (n, k) => n + exempt(all[k] as readonly { tags: Tags }[]).length,
    0,
  );
  return { kept, tagged };
}
