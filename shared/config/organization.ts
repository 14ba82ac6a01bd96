import * as z from 'zod/mini';
import { accountList, int, knownRegion, num, withDefault } from './primitives.js';

const OU_ID_ERROR = 'expected an organization root id (r-…) or OU id (ou-…)';
const ouId = z
  .string({ error: OU_ID_ERROR })
  .check(z.regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, { error: OU_ID_ERROR }));
/** Extra key `organization.deployTo`: the StackSet's targets. Without it the stack deploys to the whole organization (its root). */
const deployToSchema = z.strictObject({
  organizationalUnitIds: z.optional(
    z.array(ouId, { error: 'expected an array of root or OU ids' }).check(z.minLength(1, { error: 'expected at least one root or OU id' })),
  ),
  /**
   * The one region the role's stack instances go to (IAM is global: a second region would clash on the role name).
   * @default the stack's region
   */
  region: z.optional(knownRegion('us-east-1')),
  /** DELEGATED_ADMIN when the stack is deployed in a delegated administrator account for StackSets. @default "SELF" */
  callAs: withDefault(z.enum(['SELF', 'DELEGATED_ADMIN'], { error: 'expected "SELF" or "DELEGATED_ADMIN"' }), 'SELF'),
});

/** Part 2: every job over the accounts of an AWS Organization (see shared/aws/scopes.ts). */
export const organizationSchema = z.strictObject({
  accounts: withDefault(
    z.union([z.literal('all'), accountList.check(z.minLength(1, { error: 'expected at least one account id, or "all"' }))], {
      error: 'expected "all" or an array of 12-digit AWS account ids',
    }),
    'all',
  ),
  excludeAccounts: withDefault(accountList, []),
  roleName: withDefault(
    z
      .string({ error: 'expected an IAM role name' })
      .check(z.regex(/^[\w+=,.@-]{1,64}$/, { error: 'expected an IAM role name (1-64 of letters, digits and +=,.@_-)' })),
    'cost-watch-read',
  ),
  /** The member-account role budget actions act through (deployed only with budgets.actions). */
  actionsRoleName: withDefault(
    z
      .string({ error: 'expected an IAM role name' })
      .check(z.regex(/^[\w+=,.@-]{1,64}$/, { error: 'expected an IAM role name (1-64 of letters, digits and +=,.@_-)' })),
    'cost-watch-act',
  ),
  concurrency: withDefault(int().check(z.gte(1, { error: 'expected 1 or more' }), z.lte(256, { error: 'expected at most 256' })), 16),
  /** Extra key: percent of (account, region) scans that may fail (crash, time out) before the state machine's map fails. */
  toleratedFailurePercentage: withDefault(
    num('expected a percent from 0 to 100').check(
      z.gte(0, { error: 'expected a percent from 0 to 100' }),
      z.lte(100, { error: 'expected a percent from 0 to 100' }),
    ),
    10,
  ),
  /** Extra key: where the stack's StackSet deploys the member-account role (see infra/constructs/member-role-stackset.ts). */
  deployTo: z.optional(deployToSchema),
});
