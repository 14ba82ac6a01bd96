import type { SpikeSeverity } from '../../detect/spike.js';
import type { RightsizingRow } from '../types.js';

/**
 * The savings levers of the FinOps review: what could be saved a month, how
 * the figure was estimated (`basis`, one sentence), and the resources or
 * purchases behind it. The report answers the review's questions in this
 * order: right-sizing, commitments (RI/Savings Plans), Spot, data transfer;
 * then Graviton and storage classes.
 */
export const LEVER_NAMES = ['rightsizing', 'commitments', 'spot', 'data-transfer', 'graviton', 'storage-class'] as const;
export type LeverName = (typeof LEVER_NAMES)[number];

/** Where an item came from: Cost Explorer or the scan (default), or merged in from Cost Optimization Hub. */
export type LeverSource = 'cost-optimization-hub';

/** Fields every item carries for counting each resource once. */
interface Counted {
  /** The resource (instance id, bucket, purchase…) the saving belongs to; the key of `totalDedupedSavings`. */
  readonly resource: string;
  /** Set when the resource's saving is counted in another lever (which gives it more), so it is not added twice. */
  readonly countedIn?: LeverName;
  readonly source?: LeverSource;
}

/** A commitment to buy: a Compute Savings Plan, or reserved RDS / ElastiCache nodes. */
export interface CommitmentItem extends Counted {
  readonly kind: 'savings-plan' | 'reserved-instance';
  /** "Compute Savings Plans", "Amazon Relational Database Service", "Amazon ElastiCache". */
  readonly service: string;
  /** The account AWS recommends buying in; null: the payer account. */
  readonly account: string | null;
  /** What to buy, as one line, e.g. "3 × db.r5.large PostgreSQL Multi-AZ in us-east-1, 1 year, no upfront". */
  readonly purchase: string;
  readonly instanceType: string | null;
  readonly region: string | null;
  /** Instances or nodes to reserve; null for a Savings Plan. */
  readonly quantity: number | null;
  /** $/hour committed: the plan's hourly commitment, or the reservations' recurring cost per hour. */
  readonly hourlyCommitment: number | null;
  readonly upfrontCost: number;
  readonly estimatedMonthlySavings: number;
  /** Months until the saving pays back the upfront cost (0 with no upfront); null when AWS gives none. */
  readonly breakEvenMonths: number | null;
  /** The usage the purchase covers: alternatives for the same usage share it and only the largest is counted. */
  readonly usage: string;
}

/** On-demand EC2 spend of one non-production environment (tag value) in one account. */
export interface SpotItem extends Counted {
  readonly account: string | null;
  readonly environment: string;
  /** The month's on-demand EC2 compute spend carrying that tag value (Spot usage excluded). */
  readonly onDemandSpend: number;
  readonly estimatedMonthlySavings: number;
}

/** A running x86 instance whose family has a Graviton equivalent. */
export interface GravitonItem extends Counted {
  readonly account: string | null;
  readonly region: string;
  readonly resourceType: 'ec2-instance' | 'rds-instance';
  /** Instance id or DB instance identifier. */
  readonly id: string;
  readonly name: string | null;
  readonly currentType: string;
  readonly targetType: string;
  readonly monthlyCost: number;
  readonly targetMonthlyCost: number;
  readonly estimatedMonthlySavings: number;
}

/** An S3 bucket with Standard storage and no lifecycle configuration. */
export interface StorageClassItem extends Counted {
  readonly account: string | null;
  readonly region: string;
  readonly bucket: string;
  /** CloudWatch BucketSizeBytes, StorageType StandardStorage, latest daily value. */
  readonly standardBytes: number;
  /** What that Standard storage costs a month. */
  readonly monthlyCost: number;
  readonly estimatedMonthlySavings: number;
}

export const DATA_TRANSFER_KINDS = ['inter-az', 'inter-region', 'internet-out', 'nat-processing'] as const;
export type DataTransferKind = (typeof DATA_TRANSFER_KINDS)[number];

export interface DataTransferSource {
  readonly account: string | null;
  readonly service: string;
  readonly usageType: string;
  readonly amount: number;
}

/** One kind of data transfer: the month against the month before, and where it comes from. */
export interface DataTransferItem {
  readonly kind: DataTransferKind;
  readonly amount: number;
  readonly previous: number;
  readonly changePct: number | null;
  /** The spike rule (dailySpend thresholds and minDelta) applied month over month: a finding when not "none". */
  readonly severity: SpikeSeverity;
  /** Largest sources of the month, at most 5. */
  readonly top: DataTransferSource[];
}

/** A rightsizing row (part 2) with the fields every lever item has. */
export type RightsizingItem = RightsizingRow & Counted;

export interface LeverItems {
  readonly rightsizing: RightsizingItem;
  readonly commitments: CommitmentItem;
  readonly spot: SpotItem;
  readonly 'data-transfer': DataTransferItem;
  readonly graviton: GravitonItem;
  readonly 'storage-class': StorageClassItem;
}

export interface Lever<L extends LeverName = LeverName> {
  readonly lever: L;
  /** The lever's own total (items counted elsewhere left out); null when it cannot be priced (data transfer) or is a gap. */
  readonly estimatedMonthlySavings: number | null;
  /** One sentence: how the saving was estimated, with its assumptions. */
  readonly basis: string;
  readonly items: Array<LeverItems[L]>;
  /** AWS would not answer (denied, not enabled): `reviewGaps` has an entry whose `part` is the lever's name. */
  readonly gap?: boolean;
}

export type AnyLever = { [L in LeverName]: Lever<L> }[LeverName];

export interface SavingsLevers {
  readonly levers: AnyLever[];
  /** Every resource once, with its largest saving across levers. */
  readonly totalDedupedSavings: number;
}
