import type { MemberAccess } from '../aws/aws-clients.js';
import type { AwsClients } from '../aws/aws-clients.js';
import type { ActionDo } from '../config/budget-actions.js';
import type { ActionRecord, ActionResource } from '../detect/actions/types.js';
import type { ActionRecords } from '../ledger/action-records.js';
import type { Logger } from '../log.js';

/** Where an action acts: the budget's account, reached through the actions role, and its regions. */
export interface ActionTarget {
  /** The record acted for: policies it creates carry its id in their name. */
  readonly recordId: string;
  /** The account acted in. */
  readonly accountId: string;
  /** Clients for it: undefined uses the caller's own credentials (a local run in its own account). */
  readonly access: MemberAccess | undefined;
  /** Every configured region (scale-down, cap-autoscaling). */
  readonly regions: readonly string[];
  /** The region the job runs in (SSM parameters without their own, IAM and Organizations). */
  readonly homeRegion: string;
  /** In an organization, deny-new-resources is an SCP attached to the account from the home account. */
  readonly organization: boolean;
  /** The home (management) account's id in an organization: SCPs do not restrict it. */
  readonly homeAccountId?: string;
  /** Clients of the home account through its actions role, for Organizations. */
  readonly homeAccess: MemberAccess | undefined;
}

/** One action type: plan what it would change, change one resource, put one back. */
export interface ActionExecutor<D extends ActionDo = ActionDo> {
  /** Every resource the action selects, protected ones included (state `protected`), with their state now. */
  plan(spec: D, target: ActionTarget, aws: AwsClients): Promise<ActionResource[]>;
  /** Changes one planned resource; never throws: a failure is the resource's `failed` state and error. */
  apply(resource: ActionResource, spec: D, target: ActionTarget, aws: AwsClients): Promise<ActionResource>;
  /** Restores one changed resource to its `before`; never throws (`restore-failed` and the error). */
  undo(resource: ActionResource, spec: D, target: ActionTarget, aws: AwsClients): Promise<ActionResource>;
}

/** What applying and undoing need; the budgets job and the Slack actions endpoint each build one. */
export interface ActionDeps {
  readonly records: ActionRecords;
  readonly aws: AwsClients;
  readonly executor: (type: ActionDo['type']) => ActionExecutor;
  /** Resolves where a record acts (its account's actions role, the configured regions). */
  target(record: ActionRecord): Promise<ActionTarget>;
  readonly log: Logger;
  now(): Date;
}

/** What applyAction and undoAction end in: `done` with the record as it now is, or `refused` saying why (nothing changed). */
export type StepOutcome =
  | { readonly outcome: 'done'; readonly record: ActionRecord }
  | { readonly outcome: 'refused'; readonly reason: string; readonly record?: ActionRecord };
