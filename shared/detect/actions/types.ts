import type { ActionType } from '../../config/budget-actions.js';

/**
 * A budget action's record, as the ledger keeps it, `actions` lists it and the
 * budgets result carries it. One record per (action id, budget, account,
 * budget period): `id` is derived from those, so every run names it alike.
 */

/** `planned`: a dry run's plan, never stored. `failed`: at least one resource could not be changed (or restored). */
export const ACTION_STATUSES = ['planned', 'proposed', 'approved', 'applied', 'rejected', 'restored', 'failed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ResourceKind = 'ec2-instance' | 'rds-instance' | 'autoscaling-group' | 'ssm-parameter' | 'scp' | 'iam-role';

/**
 * Where one resource stands. `protected`: tagged cost-watch:protect=true, listed and never touched.
 * `unchanged`: already as the action wants it (a stopped instance), so undo leaves it too.
 */
export type ResourceState = 'planned' | 'protected' | 'unchanged' | 'applied' | 'failed' | 'restored' | 'restore-failed';

/** A resource's settings that the action reads or writes, e.g. `{ state: "running" }` or `{ min: 2, desired: 3, max: 6 }`. */
export type ResourceSnapshot = Readonly<Record<string, string | number | boolean | null>>;

export interface ActionResource {
  readonly kind: ResourceKind;
  /** Instance id, DB identifier, group name, parameter name, policy name or role name. */
  readonly id: string;
  /** null for global services (IAM, Organizations). */
  readonly region: string | null;
  /** The Name tag, when there is one. */
  readonly name?: string;
  readonly state: ResourceState;
  /** As it was when planned, then as it was just before the change: what undo restores. */
  readonly before: ResourceSnapshot;
  /** What the action sets. */
  readonly after: ResourceSnapshot;
  /** On-demand monthly price of what stopping it saves; null when unknown or when nothing is stopped. */
  readonly estimatedMonthlyCost: number | null;
  readonly error?: string;
}

export interface ActionPeriod {
  /** The budget's TimeUnit: MONTHLY, QUARTERLY, … */
  readonly unit: string;
  readonly start: string;
  readonly endExclusive: string;
}

export interface ActionEvent {
  readonly status: ActionStatus;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

export interface ActionRecord {
  /** The record's id, which `actions undo <id>` takes. */
  readonly id: string;
  /** The configured action id. */
  readonly action: string;
  readonly type: ActionType;
  readonly budget: string;
  /** The budget's account in an organization; null in a single-account config. */
  readonly account: string | null;
  /** The account acted in (the budget's), also in a single-account config. */
  readonly accountId: string;
  readonly period: ActionPeriod;
  readonly status: ActionStatus;
  /** Who set the status: `cost-watch` (proposed), `auto`, a Slack user id, `cli:<user>`, `period-end`. */
  readonly by: string;
  /** Monthly spend the action stops, on-demand prices; null when it cannot be computed (then only the last tier approves). */
  readonly estimatedMonthlyEffect: number | null;
  readonly resources: readonly ActionResource[];
  /** The percent that triggered it: which kind (actual or forecast), the action's atPct and the budget's percent then. */
  readonly trigger: { readonly on: 'actual' | 'forecast'; readonly atPct: number; readonly pct: number };
  /** Restore at the first budgets run of the next period. */
  readonly restoreAtPeriodEnd: boolean;
  /** What `do` said when the record was made: apply and undo act on this, not on a config edited since. */
  readonly spec: Readonly<Record<string, unknown>>;
  readonly history: readonly ActionEvent[];
  readonly createdAt: string;
  readonly updatedAt: string;
}
