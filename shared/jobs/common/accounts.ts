import type { Expression } from '@aws-sdk/client-cost-explorer';
import { homeIdOf, planAccounts, ScopeAccess, type AccountPlan, type OrganizationPlan } from '../../aws/scopes.js';
import type { OrganizationConfig } from '../../config/schema.js';
import { memberRole, type JobContext } from './context.js';

/**
 * The accounts adapter every job uses: which accounts a run covers
 * (`organization.accounts` minus `excludeAccounts`, or the one home account
 * of a single-account config) and how each is reached.
 */
export interface JobAccounts<P extends AccountPlan = AccountPlan> {
  readonly plan: P;
  /** Clients per account: the home account with the job's own credentials, a member through its assumed role. */
  readonly access: ScopeAccess;
}

/** `org` given: the organization's accounts (the caller has checked `ctx.config.organization`). */
export async function jobAccounts(ctx: JobContext): Promise<JobAccounts>;
export async function jobAccounts(ctx: JobContext, org: OrganizationConfig): Promise<JobAccounts<OrganizationPlan>>;
export async function jobAccounts(ctx: JobContext, org = ctx.config.organization): Promise<JobAccounts> {
  const plan = await planAccounts(ctx.aws, org, ctx.log);
  return { plan, access: new ScopeAccess(ctx.aws, memberRole(ctx), homeIdOf(plan)) };
}

/** The same accounts as Cost Explorer is told them: one query over the organization, filtered by LINKED_ACCOUNT. */
export interface LinkedAccounts {
  readonly plan: OrganizationPlan;
  /** The chosen accounts' names (ListAccounts), by id. */
  readonly names: ReadonlyMap<string, string>;
  /** An account's name, else its id. */
  nameOf(account: string): string;
  /** Whether an account id is one the job covers ("all": any but the excluded, so an account closed this month still counts). */
  includes(account: string): boolean;
  /** The chosen accounts listed by id. */
  readonly listed: Expression;
  /** The filter on LINKED_ACCOUNT: the listed accounts, or for "all" the excluded left out; undefined when every account counts. */
  readonly filter?: Expression;
}

/** The accounts of an organization config, as Cost Explorer filters and groups them. */
export async function linkedAccounts(ctx: JobContext, org: OrganizationConfig): Promise<LinkedAccounts> {
  const plan = await planAccounts(ctx.aws, org, ctx.log);
  const names = new Map(plan.accounts.map((a) => [a.id, a.name]));
  const excluded = new Set(org.excludeAccounts);
  const all = org.accounts === 'all';
  const listed: Expression = { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [...names.keys()] } };
  let filter: Expression | undefined;
  if (!all) filter = listed;
  else if (excluded.size) filter = { Not: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [...excluded] } } };
  return {
    plan,
    names,
    nameOf: (id) => names.get(id) ?? id,
    includes: all ? (id) => !excluded.has(id) : (id) => names.has(id),
    listed,
    ...(filter ? { filter } : {}),
  };
}
