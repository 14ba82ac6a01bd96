import { WASTE_RULE_NAMES, type WasteRuleName } from '../../config/waste-rules.js';
import { gp2Volume } from './rules/gp2-volume.js';
import { idleInstance } from './rules/idle-instance.js';
import { idleLoadBalancer } from './rules/idle-load-balancer.js';
import { idleNatGateway } from './rules/idle-nat-gateway.js';
import { idleRds } from './rules/idle-rds.js';
import { orphanedSnapshot } from './rules/orphaned-snapshot.js';
import { stoppedInstance } from './rules/stopped-instance.js';
import { unassociatedEip } from './rules/unassociated-eip.js';
import { unattachedVolume } from './rules/unattached-volume.js';
import type { AnyWasteRule, RuleAlerting } from './types.js';

/**
 * Adding a rule: write its file under rules/ (its name, title, action, how it
 * alerts, what it needs and finds), add its options to shared/config/waste-rules.ts
 * and add it here; the scanner, the alerts, the mutes, the messages and the
 * report read everything else from the rule itself.
 */
const RULES: { readonly [N in WasteRuleName]: AnyWasteRule } = {
  'idle-instance': idleInstance,
  'stopped-instance': stoppedInstance,
  'unattached-volume': unattachedVolume,
  'gp2-volume': gp2Volume,
  'orphaned-snapshot': orphanedSnapshot,
  'unassociated-eip': unassociatedEip,
  'idle-nat-gateway': idleNatGateway,
  'idle-load-balancer': idleLoadBalancer,
  'idle-rds': idleRds,
};

/** Every waste rule, in the order messages list them (the order of `idle.rules`). */
export const WASTE_RULES: readonly AnyWasteRule[] = WASTE_RULE_NAMES.map((name) => RULES[name]);

const byName = new Map(WASTE_RULES.map((r) => [r.name, r]));

/** The rule that made a finding; undefined for a rule outside the registry (a test's own rule). */
export const wasteRuleNamed = (name: string): AnyWasteRule | undefined => byName.get(name);

/** How a rule's findings alert; a rule outside the registry is its own kind and mute scope. */
export const alertingOf = (rule: string): RuleAlerting => byName.get(rule)?.alerting ?? { kind: rule, muteScope: rule };

/** The mute scope an idle-resources key means without --scope: that of the rules whose ids it looks like (`i-0abc…`). */
export function muteScopeOfKey(key: string): string | undefined {
  return WASTE_RULES.find((r) => r.alerting.idPrefix && new RegExp(`^${r.alerting.idPrefix}[0-9a-f]+$`).test(key))?.alerting.muteScope;
}

/** What the CLI says when a key has no default scope: the id forms it knows ("instance (i-…)") and the scopes left to name. */
export function muteScopeForms(): { readonly byPrefix: string[]; readonly others: string[] } {
  const byPrefix = new Map<string, string>();
  for (const r of WASTE_RULES)
    if (r.alerting.idPrefix) byPrefix.set(r.alerting.muteScope, `${r.alerting.muteScope} (${r.alerting.idPrefix}…)`);
  const others = [...new Set(WASTE_RULES.map((r) => r.alerting.muteScope))].filter((s) => !byPrefix.has(s));
  return { byPrefix: [...byPrefix.values()], others };
}
