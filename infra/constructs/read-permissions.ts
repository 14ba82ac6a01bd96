import { Aws } from 'aws-cdk-lib';
import type { JobName } from '../../shared/alerts/jobs.js';
import { wasteReadPermissions } from '../../shared/waste/permissions.js';
import type { JobPermission } from './permissions.js';

/**
 * The read actions the jobs make in an account they watch: ONE table for both
 * the job functions (their own account) and the member-account role the
 * StackSet deploys (every other account), so the two can never drift apart.
 * Resources are written for an account and partition, given as CDK tokens in
 * the stack and as `${AWS::AccountId}`-style Fn::Sub variables in the member template.
 */
export interface ReadPermission {
  /** The jobs that make these calls in a watched account. */
  readonly jobs: readonly JobName[];
  readonly actions: readonly string[];
  readonly resources: (where: { readonly partition: string; readonly account: string }) => string[];
  readonly why: string;
}

export const READ_PERMISSIONS: readonly ReadPermission[] = [
  // From the waste scan's listings and metric reads (shared/waste/listings): a new listing brings its own actions.
  ...wasteReadPermissions().map((p): ReadPermission => ({ jobs: ['idle-resources'], ...p })),
  {
    jobs: ['budgets', 'monthly-report'],
    actions: ['budgets:ViewBudget'],
    resources: ({ partition, account }) => [`arn:${partition}:budgets::${account}:budget/*`],
    why: "Reads every budget of the account; budget names are the user's, so the ARN ends in budget/*.",
  },
];

/** The job's read permissions in the stack's own account. */
export function readPermissionsOf(job: JobName): JobPermission[] {
  return READ_PERMISSIONS.filter((p) => p.jobs.includes(job)).map((p) => ({
    actions: p.actions,
    resources: p.resources({ partition: Aws.PARTITION, account: Aws.ACCOUNT_ID }),
    why: p.why,
  }));
}

/** Every read action, as IAM policy statements for the member-account template (Fn::Sub strings). */
export function memberReadStatements(): Array<{ Effect: 'Allow'; Action: string[]; Resource: unknown[] }> {
  return READ_PERMISSIONS.map((p) => ({
    Effect: 'Allow',
    Action: [...p.actions],
    Resource: p
      .resources({ partition: '${AWS::Partition}', account: '${AWS::AccountId}' })
      .map((r) => (r.includes('${') ? { 'Fn::Sub': r } : r)),
  }));
}
