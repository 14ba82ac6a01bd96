import type { AvailableVolume, RunningInstance } from '../aws/ec2.js';
import { roundCents } from '../money.js';
import { instanceMonthlyCost, volumeMonthlyCost } from '../pricing/index.js';

/**
 * The contract's idle rules, as data in, data out:
 * - an idle instance is running, not tagged `exemptTag` = "true" (any case),
 *   with average CPUUtilization over the window strictly below the threshold;
 *   no datapoints means not idle, counted as noData;
 * - an unattached volume is one in state `available`.
 */

export interface IdleRules {
  readonly cpuThresholdPct: number;
  readonly exemptTag: string;
}

export interface IdleInstance {
  readonly id: string;
  readonly region: string;
  /** Present in an organization-wide scan. */
  readonly account?: string;
  readonly name?: string;
  readonly instanceType: string;
  readonly avgCpuPct: number;
  /** null when the price table does not know the type or region. */
  readonly estimatedMonthlyCost: number | null;
  readonly launchTime?: string;
}

export interface UnattachedVolume {
  readonly id: string;
  readonly region: string;
  readonly account?: string;
  readonly name?: string;
  readonly sizeGiB: number;
  readonly volumeType: string;
  readonly iops?: number;
  readonly estimatedMonthlyCost: number | null;
  readonly createTime?: string;
}

export interface Unpriced {
  readonly kind: 'instance' | 'volume';
  readonly region: string;
  readonly type: string;
  readonly count: number;
}

export interface RegionScan {
  readonly region: string;
  readonly instances: readonly RunningInstance[];
  /** Average CPU by instance id; an id missing here had no datapoints. */
  readonly cpu: ReadonlyMap<string, number>;
  readonly volumes: readonly AvailableVolume[];
}

export interface RegionFindings {
  readonly region: string;
  readonly runningInstances: number;
  readonly exempt: number;
  readonly noData: number;
  readonly idleInstances: IdleInstance[];
  readonly unattachedVolumes: UnattachedVolume[];
}

export function isExempt(tags: Readonly<Record<string, string>>, exemptTag: string): boolean {
  return tags[exemptTag]?.trim().toLowerCase() === 'true';
}

const nameOf = (tags: Readonly<Record<string, string>>) => (tags.Name ? { name: tags.Name } : {});
/** Two decimals: 4.996% must not print as 5.0 next to a 5% threshold. */
const cpuPct = (n: number) => Math.round(n * 100) / 100;

export function evaluateRegion(scan: RegionScan, rules: IdleRules): RegionFindings {
  let exempt = 0;
  let noData = 0;
  const idleInstances: IdleInstance[] = [];
  for (const i of scan.instances) {
    if (isExempt(i.tags, rules.exemptTag)) {
      exempt++;
      continue;
    }
    const avg = scan.cpu.get(i.id);
    if (avg === undefined) noData++;
    else if (avg < rules.cpuThresholdPct)
      idleInstances.push({
        id: i.id,
        region: scan.region,
        ...nameOf(i.tags),
        instanceType: i.instanceType,
        avgCpuPct: cpuPct(avg),
        estimatedMonthlyCost: instanceMonthlyCost(scan.region, i.instanceType),
        ...(i.launchTime ? { launchTime: i.launchTime } : {}),
      });
  }
  const unattachedVolumes = scan.volumes.map(
    (v): UnattachedVolume => ({
      id: v.id,
      region: scan.region,
      ...nameOf(v.tags),
      sizeGiB: v.sizeGiB,
      volumeType: v.volumeType,
      ...(v.iops !== undefined ? { iops: v.iops } : {}),
      estimatedMonthlyCost: volumeMonthlyCost(scan.region, v),
      ...(v.createTime ? { createTime: v.createTime } : {}),
    }),
  );
  return { region: scan.region, runningInstances: scan.instances.length, exempt, noData, idleInstances, unattachedVolumes };
}

/** Most expensive first; unknown prices last, so the top of a list is what to act on. */
export function byCost<T extends { id: string; estimatedMonthlyCost: number | null }>(a: T, b: T): number {
  return (b.estimatedMonthlyCost ?? -1) - (a.estimatedMonthlyCost ?? -1) || a.id.localeCompare(b.id);
}

export interface IdleTotals {
  readonly idleInstances: IdleInstance[];
  readonly unattachedVolumes: UnattachedVolume[];
  readonly noData: number;
  readonly exempt: number;
  readonly runningInstances: number;
  /** Sum of the known costs only. */
  readonly estimatedMonthlySavings: number;
  readonly unpriced: Unpriced[];
}

export function combineRegions(regions: readonly RegionFindings[]): IdleTotals {
  const idleInstances = regions.flatMap((r) => r.idleInstances).sort(byCost);
  const unattachedVolumes = regions.flatMap((r) => r.unattachedVolumes).sort(byCost);
  const known = [...idleInstances, ...unattachedVolumes].reduce((sum, x) => sum + (x.estimatedMonthlyCost ?? 0), 0);
  const unpriced = new Map<string, Unpriced>();
  const note = (kind: Unpriced['kind'], region: string, type: string) => {
    const k = `${kind}|${region}|${type}`;
    unpriced.set(k, { kind, region, type, count: (unpriced.get(k)?.count ?? 0) + 1 });
  };
  for (const i of idleInstances) if (i.estimatedMonthlyCost === null) note('instance', i.region, i.instanceType);
  for (const v of unattachedVolumes) if (v.estimatedMonthlyCost === null) note('volume', v.region, v.volumeType);
  const sum = (f: (r: RegionFindings) => number) => regions.reduce((s, r) => s + f(r), 0);
  return {
    idleInstances,
    unattachedVolumes,
    noData: sum((r) => r.noData),
    exempt: sum((r) => r.exempt),
    runningInstances: sum((r) => r.runningInstances),
    estimatedMonthlySavings: roundCents(known),
    unpriced: [...unpriced.values()],
  };
}
