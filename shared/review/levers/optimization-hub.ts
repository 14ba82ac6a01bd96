import type { Recommendation } from '@aws-sdk/client-cost-optimization-hub';
import { roundCents } from '../../money.js';
import type { AnyLever, GravitonItem, LeverName, RightsizingItem } from './types.js';

/**
 * Cost Optimization Hub recommendations merged into the levers: Graviton
 * migrations into `graviton`, rightsizing, stop, delete, scale-in and
 * upgrades into `rightsizing`. Its purchase recommendations are Cost
 * Explorer's own, which the commitments lever already lists, so they are not
 * merged again. Within a lever, a resource already listed
 * keeps one item, the larger saving; across levers, dedupeLevers counts it once.
 */

const COH = 'cost-optimization-hub' as const;

/** The key other levers name the same resource by (instance ids are unique; DB names only per region). */
export const rdsResource = (region: string, id: string) => `rds:${region}:${id}`;

const resourceOf = (r: Recommendation) =>
  r.currentResourceType === 'RdsDbInstance' ? rdsResource(r.region ?? '', r.resourceId ?? '') : (r.resourceId ?? r.resourceArn ?? '');

function graviton(r: Recommendation): GravitonItem {
  const saving = roundCents(r.estimatedMonthlySavings ?? 0);
  const cost = roundCents(r.estimatedMonthlyCost ?? saving);
  return {
    account: r.accountId ?? null,
    region: r.region ?? '',
    resourceType: r.currentResourceType === 'RdsDbInstance' ? 'rds-instance' : 'ec2-instance',
    id: r.resourceId ?? '',
    name: null,
    currentType: r.currentResourceSummary ?? r.currentResourceType ?? '',
    targetType: r.recommendedResourceSummary ?? r.recommendedResourceType ?? '',
    monthlyCost: cost,
    targetMonthlyCost: roundCents(cost - saving),
    estimatedMonthlySavings: saving,
    resource: resourceOf(r),
    source: COH,
  };
}

function rightsizing(r: Recommendation): RightsizingItem {
  const removes = r.actionType === 'Stop' || r.actionType === 'Delete';
  return {
    account: r.accountId ?? '',
    instanceId: r.resourceId ?? '',
    instanceType: r.currentResourceSummary ?? r.currentResourceType ?? '',
    action: removes ? 'terminate' : 'modify',
    targetType: removes ? null : (r.recommendedResourceSummary ?? null),
    estimatedMonthlySavings: roundCents(r.estimatedMonthlySavings ?? 0),
    region: r.region,
    resource: resourceOf(r),
    source: COH,
  };
}

const leverOf = (r: Recommendation): LeverName | null => {
  if (r.actionType === 'MigrateToGraviton') return 'graviton';
  if (r.actionType === 'PurchaseSavingsPlans' || r.actionType === 'PurchaseReservedInstances') return null;
  return 'rightsizing';
};

export function mergeOptimizationHub(levers: readonly AnyLever[], recommendations: readonly Recommendation[]): AnyLever[] {
  return levers.map((l) => {
    if (l.gap || (l.lever !== 'graviton' && l.lever !== 'rightsizing')) return l;
    const byResource = new Map<string, { estimatedMonthlySavings: number; resource: string }>();
    for (const item of l.items as Array<{ estimatedMonthlySavings: number; resource: string }>) byResource.set(item.resource, item);
    for (const r of recommendations) {
      if (leverOf(r) !== l.lever || !r.resourceId) continue;
      const item = l.lever === 'graviton' ? graviton(r) : rightsizing(r);
      const seen = byResource.get(item.resource);
      if (!seen || item.estimatedMonthlySavings > seen.estimatedMonthlySavings) byResource.set(item.resource, item);
    }
    const items = [...byResource.values()].sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings);
    return { ...l, items } as AnyLever;
  });
}
