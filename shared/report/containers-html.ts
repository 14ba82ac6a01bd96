import type { NamespaceCost } from '../containers/types.js';
import { formatChange, formatCount, formatMoney, formatPercent } from '../format.js';
import { roundCents } from '../money.js';
import { escapeHtml } from './escape.js';
import { CHART_BARS, type ReportModel } from './model.js';
import { barPairs } from './svg.js';
import { lineTable } from './tables.js';

/**
 * "Kubernetes cost": clusters with their unallocated share, a chart of the top
 * namespaces month over month, the namespaces that rose past the spike
 * thresholds, and every namespace. Cluster and namespace names come from the
 * bill (tags, pod ARNs): every one goes through escapeHtml (barPairs escapes its labels).
 */

const section = (body: string) => `<section class="containers"><h2>Kubernetes cost</h2>${body}</section>`;
const nsName = (n: NamespaceCost) => `${n.cluster} / ${n.namespace}`;
const asLine = (n: NamespaceCost) => ({
  key: nsName(n),
  amount: n.amount,
  previous: n.previous,
  change: roundCents(n.amount - n.previous),
  changePct: n.changePct,
});

export function containersSection(m: ReportModel): string {
  const c = m.containers;
  if (!c) return '';
  const gap = c.gap ? `<p class="note gap">${escapeHtml(c.gap.message)}</p>` : '';
  const r = c.report;
  if (!r || (!r.clusters.length && !r.namespaces.length)) return section(`${gap}<p>No EKS split cost in either month.</p>`);
  const money = (n: number) => escapeHtml(formatMoney(n, m.currency));
  const clusters =
    `<table><thead><tr><th class="name">Cluster</th><th>${escapeHtml(m.monthLabel)}</th>` +
    `<th class="opt">${escapeHtml(m.previousLabel)}</th><th>Unallocated</th></tr></thead><tbody>` +
    r.clusters
      .map(
        (k) =>
          `<tr><td class="name">${escapeHtml(k.cluster)}</td><td>${money(k.amount)}</td><td class="opt">${money(k.previous)}</td>` +
          `<td>${escapeHtml(formatPercent(k.unallocatedPct))}<br><small>${money(k.unused)}</small></td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  const rising = r.namespaces.filter((n) => n.severity !== 'none');
  const callouts = rising.length
    ? `<p class="note"><strong>Rising past the spike thresholds:</strong> ${rising
        .map(
          (n) =>
            `${escapeHtml(nsName(n))} ${money(n.amount)} vs ${money(n.previous)} ` +
            `(<span class="up">${escapeHtml(formatChange(n.changePct))}</span>, ${escapeHtml(n.severity)})`,
        )
        .join('; ')}</p>`
    : '';
  const top = r.namespaces.slice(0, CHART_BARS);
  const chart = barPairs(
    top.map((n) => ({ label: nsName(n), amount: n.amount, previous: n.previous })),
    { label: `Top namespaces, ${m.monthLabel} vs ${m.previousLabel}`, currency: m.currency, legend: [m.monthLabel, m.previousLabel] },
  );
  const table = lineTable(r.namespaces.map(asLine), {
    currency: m.currency,
    name: `Namespace (${formatCount(r.namespaces.length)})`,
    month: m.monthLabel,
    previous: m.previousLabel,
  });
  const scanned = r.scannedBytes === null ? '' : `, ${formatCount(Math.round(r.scannedBytes / 1024))} KiB read`;
  const basis =
    `<p><small>From the CUR 2.0 export's split cost allocation data (${escapeHtml(r.engine)}: ${escapeHtml(r.source)}${scanned}). ` +
    "A namespace costs its pods' split cost; a cluster costs what its nodes cost, pods' split cost plus the nodes' " +
    'unused capacity, which is the unallocated part. EKS pods only (EC2 and Fargate); ECS tasks are not counted.</small></p>';
  return section(gap + callouts + clusters + chart + table + basis);
}
