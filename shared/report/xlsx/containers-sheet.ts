import type { Workbook } from 'exceljs';
import type { ReportModel } from '../model.js';
import { fillSheet, fraction, type Cell, type Column } from './format.js';

/**
 * "Containers" (with `containers` in config): one row per cluster, then one
 * per namespace, amounts as numbers. A cluster's amount is its nodes' cost
 * (split + unused), a namespace's its pods' split cost, so the two kinds are
 * never added together: the Kind column tells them apart for a filter.
 */
export function containersSheet(wb: Workbook, m: ReportModel): void {
  const c = m.containers;
  if (!c) return;
  const columns: Column[] = [
    { header: 'Kind', kind: 'text', width: 11 },
    { header: 'Cluster', kind: 'text', width: 24 },
    { header: 'Namespace', kind: 'text', width: 24 },
    { header: 'Amount', kind: 'money' },
    { header: 'Previous month', kind: 'money' },
    { header: 'Change %', kind: 'percent', width: 10 },
    { header: 'Unallocated', kind: 'money' },
    { header: 'Unallocated %', kind: 'percent', width: 13 },
    { header: 'Spike', kind: 'text', width: 10 },
  ];
  const r = c.report;
  const rows: Cell[][] = [
    ...(r?.clusters ?? []).map((k) => ['cluster', k.cluster, null, k.amount, k.previous, null, k.unused, fraction(k.unallocatedPct), null]),
    ...(r?.namespaces ?? []).map((n) => [
      'namespace',
      n.cluster,
      n.namespace,
      n.amount,
      n.previous,
      fraction(n.changePct),
      null,
      null,
      n.severity === 'none' ? null : n.severity,
    ]),
  ];
  if (c.gap) rows.push(['gap', c.gap.message, null, null, null, null, null, null, null]);
  fillSheet(wb.addWorksheet('Containers'), columns, rows, m.currency);
}
