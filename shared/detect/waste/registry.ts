import * as z from 'zod/mini';
import { gp2Volume } from './rules/gp2-volume.js';
import { idleInstance } from './rules/idle-instance.js';
import { idleLoadBalancer } from './rules/idle-load-balancer.js';
import { idleNatGateway } from './rules/idle-nat-gateway.js';
import { idleRds } from './rules/idle-rds.js';
import { orphanedSnapshot } from './rules/orphaned-snapshot.js';
import { stoppedInstance } from './rules/stopped-instance.js';
import { unassociatedEip } from './rules/unassociated-eip.js';
import { unattachedVolume } from './rules/unattached-volume.js';
import type { AnyWasteRule } from './types.js';

/**
 * Every waste rule, in the order messages list them. Adding a rule: write its
 * file under rules/ and add it here; the config schema, the scanner, the
 * messages and the report pick it up from this list.
 */
export const WASTE_RULES = [
  idleInstance,
  stoppedInstance,
  unattachedVolume,
  gp2Volume,
  orphanedSnapshot,
  unassociatedEip,
  idleNatGateway,
  idleLoadBalancer,
  idleRds,
] as const satisfies readonly AnyWasteRule[];

/** `idle.rules`: one optional key per rule, each `{ enabled, …options }` with defaults; unknown rules and options rejected. */
export const rulesConfigSchema = z.strictObject(
  Object.fromEntries(WASTE_RULES.map((r) => [r.name, z._default(r.options as z.ZodMiniType, () => r.options.parse({}))])) as Record<
    string,
    z.ZodMiniDefault<z.ZodMiniType<{ enabled: boolean } & Record<string, unknown>>>
  >,
);

export type RulesConfig = Readonly<Record<string, { readonly enabled: boolean } & Readonly<Record<string, unknown>>>>;

