/**
 * Part 1's result lists, kept exactly as they were: `idleInstances` and
 * `unattachedVolumes` are derived from the findings of the rules that declare
 * them (`legacy` in ./waste/rules), by one adapter (shared/waste/legacy.ts).
 */

export type LegacyListName = 'idleInstances' | 'unattachedVolumes';

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
