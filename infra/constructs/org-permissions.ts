import { Aws } from 'aws-cdk-lib';
import { RUNS_PREFIX } from '../../shared/jobs/idle-resources/run-store.js';
import { FINDINGS_PREFIX, ledger, publishAlerts, slack, type JobResources } from './jobs.js';
import { ownershipReads } from './ownership-reads.js';
import { publishTeams } from './team-topics.js';
import type { JobPermission } from './permissions.js';
import { readPermissionsOf } from './read-permissions.js';

/**
 * What a job needs to work across an organization's accounts: the account
 * list and the member-account role, by its name only (never any other role).
 */
export function organizationPermissions(roleName: string): JobPermission[] {
  return [
    {
      actions: ['organizations:ListAccounts'],
      resources: ['*'],
      why: 'organizations:ListAccounts supports no resource-level permissions: it only accepts Resource "*".',
    },
    {
      actions: ['sts:AssumeRole'],
      resources: [`arn:${Aws.PARTITION}:iam::*:role/${roleName}`],
      why:
        "Assumes the member-account read role (organization.roleName) in any member account: the accounts are the organization's," +
        ' known only at run time; no other role name matches.',
    },
  ];
}

/** The three step functions of the idle scan on Step Functions (shared/jobs/idle-resources). */
export type IdleStep = 'plan' | 'scan' | 'reduce';

const runs = (r: JobResources, actions: string[], why: string): JobPermission => ({
  actions,
  resources: [r.bucket.arnForObjects(`${RUNS_PREFIX}*`)],
  why: `${why} Only under ${RUNS_PREFIX}, where each run keeps its plan, items and large scans (one folder per date and execution).`,
});

export function idleStepPermissions(step: IdleStep, r: JobResources, roleName: string): JobPermission[] {
  const org = organizationPermissions(roleName);
  switch (step) {
    case 'plan':
      return [
        ...org,
        {
          actions: ['ec2:DescribeRegions'],
          resources: ['*'],
          why: 'ec2:DescribeRegions (idle.regions "all") supports no resource-level permissions: it only accepts Resource "*".',
        },
        runs(r, ['s3:PutObject'], 'Writes the run plan and the item list the Distributed Map reads.'),
      ];
    case 'scan':
      // No ListAccounts: the scan gets its account from the plan.
      return [
        org[1]!,
        ...readPermissionsOf('idle-resources'),
        runs(r, ['s3:PutObject'], 'Writes a scan too large to return through Step Functions.'),
      ];
    case 'reduce':
      return [
        runs(r, ['s3:GetObject'], 'Reads the plan, the Distributed Map results and large scans.'),
        {
          actions: ['s3:PutObject'],
          resources: [r.bucket.arnForObjects(`${FINDINGS_PREFIX}idle-resources/*`)],
          why: "Writes the run's findings under the job's own findings/idle-resources/ prefix; object keys carry the run date.",
        },
        ...ownershipReads(r),
        ledger(r),
        ...publishAlerts(r),
        ...publishTeams(r),
        ...slack(r),
      ];
  }
}
