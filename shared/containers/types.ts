import type { SpikeSeverity } from '../detect/spike.js';

/** One cluster's month: what its nodes cost (pods' split cost plus the nodes' unused capacity). */
export interface ClusterCost {
  readonly cluster: string;
  /** Split + unused cost of its EKS pods' lines, the month. */
  readonly amount: number;
  /** unused / amount × 100; null when the amount is 0. */
  readonly unallocatedPct: number | null;
  /** The unused (unallocated) part of `amount`. */
  readonly unused: number;
  /** The same figure for the month before. */
  readonly previous: number;
}

/** One namespace's month: its pods' split cost (their share of the nodes, unused capacity not included). */
export interface NamespaceCost {
  readonly cluster: string;
  readonly namespace: string;
  readonly amount: number;
  readonly previous: number;
  /** null when there was nothing the month before. */
  readonly changePct: number | null;
  /** The daily spike thresholds applied month over month: a namespace rising past them is called out. */
  readonly severity: SpikeSeverity;
}

/** The `containers` part of the monthly-report result. */
export interface ContainersReport {
  readonly clusters: ClusterCost[];
  readonly namespaces: NamespaceCost[];
  readonly engine: 'athena' | 'duckdb';
  /** Where the figures came from: the export folder, or `database.table` for Athena. */
  readonly source: string;
  /** Bytes the query read (Athena's DataScannedInBytes; the Parquet files DuckDB read); null when unknown. */
  readonly scannedBytes: number | null;
}

/** One row of the query: a namespace of a cluster in a billing period. */
export interface NamespaceRow {
  readonly billingPeriod: string;
  /** line_item_usage_account_id: the account the pods ran in. */
  readonly account: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly splitCost: number;
  readonly unusedCost: number;
}
