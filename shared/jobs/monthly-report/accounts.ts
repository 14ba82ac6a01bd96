import type { Expression } from '@aws-sdk/client-cost-explorer';
import { EXCLUDE_CREDITS } from '../../aws/cost-explorer.js';
import { linkedAccounts } from '../common/accounts.js';
import type { JobContext } from '../common/context.js';

/** Which accounts the report covers, and how each Cost Explorer operation is told so. */
export interface ReportScope {
  /** Organizations: the chosen accounts' names (ListAccounts) for byAccount; undefined in a single-account config. */
  readonly names?: ReadonlyMap<string, string>;
  /** GetCostAndUsage's filter: credits out and, with a choice of accounts, only those; undefined: the default. */
  readonly costFilter?: Expression;
  /**
   * The chosen accounts listed by id, for the commitment and rightsizing operations, which take
   * only AND among dimensions (no Not); undefined when every account counts.
   */
  readonly accountFilter?: Expression;
  /** Whether an account id is one the report covers. */
  includes(account: string): boolean;
}

const EVERY: ReportScope = { includes: () => true };

/**
 * Organizations: `accounts` minus `excludeAccounts`, as daily-spend filters
 * them. "all" without exclusions needs no filter; "all" with exclusions
 * leaves the excluded out (an account closed this month still counts);
 * a list keeps only the listed accounts.
 */
export async function reportScope(ctx: JobContext): Promise<ReportScope> {
  const org = ctx.config.organization;
  if (!org) return EVERY;
  const { names, includes, listed, filter } = await linkedAccounts(ctx, org);
  if (!filter) return { names, includes: () => true };
  return { names, costFilter: { And: [EXCLUDE_CREDITS, filter] }, accountFilter: listed, includes };
}
