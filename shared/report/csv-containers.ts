import type { ReportModel } from './model.js';

/**
 * With `containers` in config the CSV gains three columns, `section`,
 * `cluster` and `namespace`, and after the service rows one row per EKS
 * cluster (`eks-cluster`: its nodes' cost) and per namespace
 * (`eks-namespace`: its pods' split cost). That spend is already inside the
 * EC2 and Fargate service rows: filter on `section` before adding amounts.
 */
export const CONTAINER_COLUMNS = ['section', 'cluster', 'namespace'] as const;

type Field = (value: string) => string;

export function containerCsvRows(m: ReportModel, org: boolean, field: Field, text: Field): string[] {
  const r = m.containers?.report;
  if (!r) return [];
  const amount = (n: number) => n.toFixed(2);
  const pct = (p: number | null) => (p === null ? '' : String(p));
  const lead = org ? [field(m.month), '', '', ''] : [field(m.month), ''];
  const row = (cells: string[]) => [...lead, ...cells].join(',');
  return [
    ...r.clusters.map((c) =>
      row([amount(c.amount), amount(c.previous), amount(c.amount - c.previous), '', field(m.currency), 'eks-cluster', text(c.cluster), '']),
    ),
    ...r.namespaces.map((n) =>
      row([
        amount(n.amount),
        amount(n.previous),
        amount(n.amount - n.previous),
        pct(n.changePct),
        field(m.currency),
        'eks-namespace',
        text(n.cluster),
        text(n.namespace),
      ]),
    ),
  ];
}
