import { assessChange, type SpikeRules } from '../../detect/spike.js';
import { roundCents } from '../../money.js';
import { DATA_TRANSFER_KINDS, type DataTransferItem, type DataTransferKind, type DataTransferSource } from './types.js';

/**
 * Data transfer by kind, from Cost Explorer usage types, e.g.
 * `USE1-DataTransfer-Regional-Bytes` (between zones), `USE1-USW2-AWS-Out-Bytes`
 * (to another region), `USE1-DataTransfer-Out-Bytes` (to the internet),
 * `USE1-NatGateway-Bytes` (processed by a NAT gateway). Other usage types are
 * not data transfer.
 */
export function transferKind(usageType: string): DataTransferKind | null {
  if (/NatGateway-Bytes$/.test(usageType)) return 'nat-processing';
  if (/DataTransfer-Regional-Bytes$/.test(usageType)) return 'inter-az';
  if (/-AWS-(Out|In)-Bytes$/.test(usageType)) return 'inter-region';
  if (/DataTransfer-Out-Bytes$/.test(usageType)) return 'internet-out';
  return null;
}

/** One usage line of a month: who spent it, on what. `account` null: the single-account config's own account. */
export interface UsageLine {
  readonly account: string | null;
  readonly service: string;
  readonly usageType: string;
  readonly amount: number;
}

const TOP = 5;

/**
 * Each kind, the month against the month before, judged by the spike rule
 * (thresholds and minDelta) month over month: a kind that grew past them is
 * a finding (`severity`). Every kind is listed, also at 0, so the review
 * answers the question either way.
 */
export function dataTransferItems(current: readonly UsageLine[], previous: readonly UsageLine[], rules: SpikeRules): DataTransferItem[] {
  const sum = (lines: readonly UsageLine[], kind: DataTransferKind) =>
    lines.filter((l) => transferKind(l.usageType) === kind).reduce((a, l) => a + l.amount, 0);
  return DATA_TRANSFER_KINDS.map((kind) => {
    const change = assessChange(sum(current, kind), sum(previous, kind), rules);
    const bySource = new Map<string, DataTransferSource>();
    for (const l of current) {
      if (transferKind(l.usageType) !== kind) continue;
      const key = JSON.stringify([l.account, l.service, l.usageType]);
      const amount = (bySource.get(key)?.amount ?? 0) + l.amount;
      bySource.set(key, { account: l.account, service: l.service, usageType: l.usageType, amount });
    }
    const top = [...bySource.values()]
      .map((s) => ({ ...s, amount: roundCents(s.amount) }))
      .filter((s) => s.amount > 0)
      .sort((a, b) => b.amount - a.amount || a.usageType.localeCompare(b.usageType))
      .slice(0, TOP);
    return { kind, amount: change.amount, previous: change.previous, changePct: change.changePct, severity: change.severity, top };
  });
}

/**
 * An organization's sources: Cost Explorer groups by two keys at most, so the
 * account split of a usage type (LINKED_ACCOUNT × USAGE_TYPE) is shared out
 * among the services carrying it (SERVICE × USAGE_TYPE) in proportion to
 * their amounts. Exact when one service carries the usage type, as most do.
 */
export function splitByService(
  byAccount: ReadonlyArray<{ account: string; usageType: string; amount: number }>,
  byService: readonly UsageLine[],
): UsageLine[] {
  const services = new Map<string, Array<{ service: string; amount: number }>>();
  for (const l of byService) services.set(l.usageType, [...(services.get(l.usageType) ?? []), { service: l.service, amount: l.amount }]);
  return byAccount.flatMap((a) => {
    const carriers = services.get(a.usageType) ?? [];
    const total = carriers.reduce((s, c) => s + c.amount, 0);
    if (!carriers.length || total <= 0) return [{ account: a.account, service: '(unknown)', usageType: a.usageType, amount: a.amount }];
    return carriers.map((c) => ({ account: a.account, service: c.service, usageType: a.usageType, amount: (a.amount * c.amount) / total }));
  });
}
