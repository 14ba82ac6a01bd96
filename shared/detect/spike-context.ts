import type { AnomalyRef } from './anomalies.js';
import type { Driver } from './drivers.js';
import type { DailyUnitCost } from './unit-cost.js';

/** What on-call gets beside the numbers: the cause, a link, AWS's own view. */
export interface SpikeContext {
  /** Service spikes: the usage types with the largest increase (empty when none rose or drivers failed). */
  readonly drivers?: Driver[];
  readonly consoleUrl?: string;
  readonly anomaly?: AnomalyRef;
  /** The attached anomaly's id, kept in the ledger for the "expected" button; not part of the result JSON. */
  readonly anomalyId?: string;
  readonly unitCost?: DailyUnitCost;
}
