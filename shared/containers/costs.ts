import { assessChange, type SpikeRules } from '../detect/spike.js';
import { roundCents, roundPct } from '../money.js';
import type { IsoMonth } from '../time/dates.js';
import type { ClusterCost, NamespaceCost, NamespaceRow } from './types.js';

/**
 * The query's rows → the report's figures. A namespace's amount is its pods'
 * split cost; a cluster's is what its nodes cost (split + unused), its
 * unallocated share the unused part. A namespace is judged month over month
 * with the daily spike rule's thresholds, so a namespace that rose past them
 * is called out in the report.
 */
export function containerCosts(
  rows: readonly NamespaceRow[],
  month: IsoMonth,
  previousMonth: IsoMonth,
  rules: SpikeRules,
): { clusters: ClusterCost[]; namespaces: NamespaceCost[] } {
  const ns = new Map<string, { cluster: string; namespace: string; amount: number; previous: number }>();
  const cl = new Map<string, { amount: number; unused: number; previous: number }>();
  for (const r of rows) {
    if (r.billingPeriod !== month && r.billingPeriod !== previousMonth) continue;
    const current = r.billingPeriod === month;
    const key = `${r.cluster}\u0000${r.namespace}`;
    const n = ns.get(key) ?? { cluster: r.cluster, namespace: r.namespace, amount: 0, previous: 0 };
    ns.set(key, current ? { ...n, amount: n.amount + r.splitCost } : { ...n, previous: n.previous + r.splitCost });
    const c = cl.get(r.cluster) ?? { amount: 0, unused: 0, previous: 0 };
    const nodes = r.splitCost + r.unusedCost;
    cl.set(
      r.cluster,
      current ? { ...c, amount: c.amount + nodes, unused: c.unused + r.unusedCost } : { ...c, previous: c.previous + nodes },
    );
  }
  const clusters = [...cl].map(([cluster, c]): ClusterCost => {
    const amount = roundCents(c.amount);
    return {
      cluster,
      amount,
      unallocatedPct: c.amount > 0 ? roundPct((c.unused / c.amount) * 100) : null,
      unused: roundCents(c.unused),
      previous: roundCents(c.previous),
    };
  });
  const namespaces = [...ns.values()].map((n): NamespaceCost => {
    const a = assessChange(n.amount, n.previous, rules);
    return {
      cluster: n.cluster,
      namespace: n.namespace,
      amount: a.amount,
      previous: a.previous,
      changePct: a.changePct,
      severity: a.severity,
    };
  });
  return {
    clusters: clusters
      .filter((c) => c.amount !== 0 || c.previous !== 0)
      .sort((a, b) => b.amount - a.amount || a.cluster.localeCompare(b.cluster)),
    namespaces: namespaces
      .filter((n) => n.amount !== 0 || n.previous !== 0)
      .sort((a, b) => b.amount - a.amount || a.cluster.localeCompare(b.cluster) || a.namespace.localeCompare(b.namespace)),
  };
}
