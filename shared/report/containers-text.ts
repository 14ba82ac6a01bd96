import type { ContainersReport } from '../containers/types.js';
import { formatChange, formatMoney, formatPercent } from '../format.js';

/** The CLI summary's Kubernetes lines: each cluster with its unallocated share, and the namespaces that rose past the thresholds. */
export function containersSummary(c: ContainersReport | null, currency: string): string[] {
  if (!c) return [];
  const lines = c.clusters.map(
    (k) => `  ${formatMoney(k.amount, currency).padStart(14)} EKS cluster ${k.cluster} (${formatPercent(k.unallocatedPct)} unallocated)`,
  );
  for (const n of c.namespaces.filter((x) => x.severity !== 'none'))
    lines.push(
      `  ${n.severity}: namespace ${n.cluster}/${n.namespace} ${formatMoney(n.amount, currency)} vs ` +
        `${formatMoney(n.previous, currency)} (${formatChange(n.changePct)})`,
    );
  return lines;
}
