import type { UnitCostFigures } from '../detect/unit-cost.js';
import type { AllocationNote, AllocationRow } from './allocation.js';
import type { CategoryRow } from './categories.js';
import type { LeverName, SavingsLevers } from './levers/types.js';

/** Coverage and utilization of one kind of commitment for the month; null where the account has none. */
export interface CommitmentFigures {
  readonly coveragePct: number | null;
  readonly utilizationPct: number | null;
}

export interface Commitments {
  readonly savingsPlans: CommitmentFigures;
  readonly reservations: CommitmentFigures;
}

export interface RightsizingRow {
  readonly account: string;
  readonly instanceId: string;
  readonly instanceType: string;
  readonly action: 'modify' | 'terminate';
  /** AWS's default target instance type; null for terminate. */
  readonly targetType: string | null;
  readonly estimatedMonthlySavings: number;
  readonly instanceName?: string;
  readonly region?: string;
  /** The instance is also a waste finding: its saving is counted there, and left out of the rightsizing total. */
  readonly countedInWaste?: boolean;
}

/** A part of the review AWS would not answer (denied, not enabled, failing): the report says so. */
export interface ReviewGap {
  /** A lever's gap names the lever (`commitments`, `spot`, …); `rightsizing` is both a review part and a lever. */
  readonly part: 'categories' | 'savingsPlans' | 'reservations' | 'unitCost' | 'containers' | 'costOptimizationHub' | LeverName;
  readonly operation: string;
  readonly message: string;
}

/** Where the categories come from. */
export type CategorySource =
  { readonly kind: 'default' } | { readonly kind: 'config' } | { readonly kind: 'cost-category'; readonly name: string };

export interface FinOpsReview {
  readonly categorySource: CategorySource;
  readonly byCategory: CategoryRow[];
  readonly allocation: AllocationRow[];
  readonly allocationNotes: AllocationNote[];
  readonly commitments: Commitments;
  readonly rightsizing: RightsizingRow[];
  readonly gaps: ReviewGap[];
  /** With `unitCost` in config. */
  readonly unitCost?: MonthUnitCost;
  /** The savings levers, when the job gathered them. */
  readonly levers?: SavingsLevers;
}

/** The contract's monthly `unitCost`, plus the cost per unit of each day (null on a day without units). */
export interface MonthUnitCost extends UnitCostFigures {
  readonly daily: ReadonlyArray<{ readonly date: string; readonly costPerUnit: number | null }>;
}

export const NO_COMMITMENTS: Commitments = {
  savingsPlans: { coveragePct: null, utilizationPct: null },
  reservations: { coveragePct: null, utilizationPct: null },
};
