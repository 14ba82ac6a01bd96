import { Validations, type CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, type IApplyRule, type NagPack, type NagRuleResult } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { countOf } from '../shared/format.js';

/**
 * What cdk-nag checked, counted as its packs run (cdk-nag 3 reports only the
 * unacknowledged findings): the rules applied, the resources they looked at,
 * and each finding, acknowledged or not.
 */
export class NagTally {
  readonly rules = new Map<string, Set<string>>();
  readonly resources = new Set<string>();
  readonly acknowledged = new Set<string>();
  readonly unacknowledged = new Set<string>();

  /** `pack` with every rule it applies counted here; the pack judges exactly as before. */
  count<P extends NagPack>(pack: P): P {
    const applyRule = (pack as unknown as { applyRule(p: IApplyRule): void }).applyRule.bind(pack);
    const packRules = this.rules.get(pack.readPackName) ?? new Set<string>();
    this.rules.set(pack.readPackName, packRules);
    const counted = (params: IApplyRule) => {
      const ruleId = `${pack.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
      const rule = (node: CfnResource): NagRuleResult => {
        packRules.add(ruleId);
        this.resources.add(node.node.path);
        const result = params.rule(node);
        const ids = Array.isArray(result)
          ? result.map((f) => `${ruleId}[${f}]`)
          : result === NagRuleCompliance.NON_COMPLIANT
            ? [ruleId]
            : [];
        for (const id of ids) (isAcknowledged(node, id) ? this.acknowledged : this.unacknowledged).add(`${node.node.path}: ${id}`);
        return result;
      };
      // The pack names a rule without a suffix override after the function: keep the name.
      Object.defineProperty(rule, 'name', { value: params.rule.name });
      applyRule({ ...params, rule });
    };
    Object.defineProperty(pack, 'applyRule', { value: counted });
    return pack;
  }

  /** One line: the rules checked per pack, on how many resources, and the findings acknowledged and not. */
  summary(): string {
    const packs = [...this.rules].map(([name, ids]) => `${name} ${ids.size}`).join(', ');
    const total = [...this.rules.values()].reduce((n, ids) => n + ids.size, 0);
    const [rules, resources] = [countOf(total, 'rule'), countOf(this.resources.size, 'resource')];
    const [acknowledged, unacknowledged] = [countOf(this.acknowledged.size, 'finding'), this.unacknowledged.size];
    return (
      `cdk-nag: checked ${rules} (${packs}) on ${resources}: ${acknowledged} acknowledged with a reason, ${unacknowledged} ` +
      `unacknowledged`
    );
  }
}

/** The same test cdk-nag makes: an acknowledgement on the resource or any construct above it. */
function isAcknowledged(resource: IConstruct, id: string): boolean {
  for (let c: IConstruct | undefined = resource; c; c = c.node.scope)
    for (const m of c.node.metadata)
      if (
        m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
        Object.keys((m.data ?? {}) as object).some((k) => k.replace(/^annotation::/i, '') === id)
      )
        return true;
  return false;
}
