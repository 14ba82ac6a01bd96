import type { IdleInstance, LegacyListName, UnattachedVolume } from '../detect/idle.js';
import { WASTE_RULES } from '../detect/waste/registry.js';
import type { AnyWasteRule } from '../detect/waste/types.js';
import type { Finding } from './types.js';

/**
 * Part 1's result fields (`idleInstances`, `unattachedVolumes`, their counts
 * per region, `noData`, the report's kinds), from the findings of the rules
 * that declare them (`legacy` in shared/detect/waste/rules): the one place
 * that knows them, so no other file names a rule.
 */

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const account = (f: Finding) => (f.account ? { account: f.account } : {});
const named = (f: Finding) => (f.name ? { name: f.name } : {});

function toIdleInstance(f: Finding): IdleInstance {
  const launchTime = str(f.facts.launchTime);
  return {
    id: f.id,
    region: f.region,
    ...account(f),
    ...named(f),
    instanceType: str(f.facts.instanceType) ?? 'unknown',
    avgCpuPct: num(f.facts.avgCpuPct) ?? 0,
    estimatedMonthlyCost: f.estimatedMonthlyCost,
    ...(launchTime ? { launchTime } : {}),
  };
}

function toUnattachedVolume(f: Finding): UnattachedVolume {
  const iops = num(f.facts.iops);
  const createTime = str(f.facts.createTime);
  return {
    id: f.id,
    region: f.region,
    ...account(f),
    ...named(f),
    sizeGiB: num(f.facts.sizeGiB) ?? 0,
    volumeType: str(f.facts.volumeType) ?? 'unknown',
    ...(iops !== undefined ? { iops } : {}),
    estimatedMonthlyCost: f.estimatedMonthlyCost,
    ...(createTime ? { createTime } : {}),
  };
}

const ruleOf = (list: LegacyListName): AnyWasteRule | undefined => WASTE_RULES.find((r) => r.legacy?.list === list);
const of = (list: LegacyListName, findings: readonly Finding[]) => findings.filter((f) => f.rule === ruleOf(list)?.name);

export interface LegacyLists {
  readonly idleInstances: IdleInstance[];
  readonly unattachedVolumes: UnattachedVolume[];
}

/** Part 1's two lists, in the order of `findings`. */
export const legacyLists = (findings: readonly Finding[]): LegacyLists => ({
  idleInstances: of('idleInstances', findings).map(toIdleInstance),
  unattachedVolumes: of('unattachedVolumes', findings).map(toUnattachedVolume),
});

export interface LegacyCounts {
  readonly idleInstances: number;
  readonly unattachedVolumes: number;
}

/** Part 1's counts of a region (`byRegion`). */
export const legacyCounts = (findings: readonly Finding[]): LegacyCounts => ({
  idleInstances: of('idleInstances', findings).length,
  unattachedVolumes: of('unattachedVolumes', findings).length,
});

/** Part 1's `noData` of a scope: that of the rule that declares it (running instances without CPU data). */
export const legacyNoData = (noDataByRule: ReadonlyMap<string, number>): number => {
  const rule = WASTE_RULES.find((r) => r.legacy?.noData);
  return (rule && noDataByRule.get(rule.name)) ?? 0;
};

/** The report's kind of a finding: part 1's words ("idle instance") for its rules, the rule's name for the others. */
export const reportKindOf = (rule: string): string => WASTE_RULES.find((r) => r.name === rule)?.legacy?.reportKind ?? rule;

/** The report's kind of an item of a part-1 list (a findings object from before the rules had findings). */
export const reportKindOfList = (list: LegacyListName): string => ruleOf(list)?.legacy?.reportKind ?? list;

/** The rule a report item belongs to: its own, or, for an item of an old object, the rule of its part-1 kind. */
export const ruleOfReportItem = (item: { readonly rule?: string; readonly kind: string }): string =>
  item.rule ?? WASTE_RULES.find((r) => r.legacy?.reportKind === item.kind)?.name ?? item.kind;
