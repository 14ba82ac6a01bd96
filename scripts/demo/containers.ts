/**
 * The Kubernetes cost part of the monthly-report demo: a CUR 2.0 export with
 * split cost allocation data for the report month and the one before
 * (emulators/cur2: two clusters, namespaces, unused node capacity, ECS and
 * non-EKS rows), written as Data Exports lays it out under out/, and the
 * `containers` config that reads it locally with DuckDB.
 */
import { join } from 'node:path';
import { generateCur2Dataset } from '../../emulators/cur2/index.js';
import { formatChange, formatMoney } from '../../shared/format.js';
import { addMonths, type IsoMonth } from '../../shared/time/dates.js';

export interface DemoContainers {
  readonly config: { readonly export: { readonly path: string } };
  /** One line per month written: rows and bytes of Parquet. */
  readonly summary: string;
}

export async function seedContainers(outDir: string, month: IsoMonth): Promise<DemoContainers> {
  const dataset = await generateCur2Dataset({ root: join(outDir, 'cur2'), months: [addMonths(month, -1), month] });
  const summary = dataset.files.map((f) => `${f.key}: ${f.rows} rows, ${f.bytes} bytes`).join('\n');
  return { config: { export: { path: dataset.exportUrl } }, summary };
}

interface ContainersJson {
  readonly namespaces: ReadonlyArray<{ cluster: string; namespace: string; amount: number; changePct: number | null }>;
}

/** The three costliest namespaces of the report (the job's summary above names each cluster and the spikes). */
export function describeContainers(result: unknown): string {
  const c = (result as { containers?: ContainersJson | null }).containers;
  if (!c) return 'Kubernetes cost: not in this report.';
  const top = [...c.namespaces].sort((a, b) => b.amount - a.amount).slice(0, 3);
  const lines = top.map((n) => `  ${n.cluster}/${n.namespace}: ${formatMoney(n.amount, 'USD')} (${formatChange(n.changePct)})`);
  return ['Kubernetes cost, costliest namespaces:', ...lines].join('\n');
}
