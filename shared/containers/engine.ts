import type { ContainerEngine } from '../config/containers.js';
import type { NamespaceQuery } from './sql.js';
import { NAMESPACE_COLUMNS } from './sql.js';
import type { NamespaceRow } from './types.js';

/** What an engine answers for the namespace query: the rows, where they came from and what was read. */
export interface EngineRun {
  readonly rows: NamespaceRow[];
  /** The export folder, or `athena:<database>.<table>`. */
  readonly source: string;
  readonly scannedBytes: number | null;
}

/** Athena when deployed, DuckDB in-process for local runs: the same SQL over the same Parquet. */
export interface ContainersEngine {
  readonly name: ContainerEngine;
  run(q: NamespaceQuery): Promise<EngineRun>;
}

/**
 * The export could not be read (files missing, access denied, query failed):
 * the report leaves the containers part out and names what to fix. `operation`
 * is the action or path at fault, e.g. `athena:StartQueryExecution` or `s3:GetObject`.
 */
export class ContainersGapError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ContainersGapError';
  }
}

const num = (v: unknown) => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
};

/** Rows by column name, whatever the engine's order, cells as strings (Athena) or values (DuckDB). */
export function namespaceRows(columns: readonly string[], cells: ReadonlyArray<readonly unknown[]>): NamespaceRow[] {
  const at = NAMESPACE_COLUMNS.map((c) => columns.findIndex((name) => name.toLowerCase() === c));
  const missing = NAMESPACE_COLUMNS.filter((_, i) => at[i]! < 0);
  if (missing.length) throw new Error(`containers query answered without the columns ${missing.join(', ')}`);
  const [period, account, cluster, namespace, split, unused] = at as [number, number, number, number, number, number];
  return cells.map((r) => ({
    billingPeriod: String(r[period] ?? ''),
    account: String(r[account] ?? ''),
    cluster: String(r[cluster] ?? '(unknown)'),
    namespace: String(r[namespace] ?? '(unknown)'),
    splitCost: num(r[split]),
    unusedCost: num(r[unused]),
  }));
}
