import type { Expression, GroupDefinition } from '@aws-sdk/client-cost-explorer';
import { EXCLUDE_CREDITS, type CostBucket } from '../../aws/cost-explorer.js';
import { planAccounts } from '../../aws/scopes.js';
import { evaluateDailySpend, type DailyEvaluation, type DailyRules } from '../../detect/daily-spend.js';
import { evaluateOrganization, orgDays } from '../../detect/org-spend.js';
import type { IsoDate } from '../../time/dates.js';
import type { JobContext } from '../context.js';

const SERVICE: GroupDefinition = { Type: 'DIMENSION', Key: 'SERVICE' };
const LINKED_ACCOUNT: GroupDefinition = { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' };

/** How daily-spend asks Cost Explorer, and how it reads the answer, for one account or an organization. */
export interface DailyScope {
  readonly groupBy: GroupDefinition[];
  readonly filter: Expression;
  readonly describe: string;
  /** An account's name (from ListAccounts), else its id. */
  nameOf(account: string): string;
  /** Whether an account is one of the chosen (always, with one account). */
  includes(account: string): boolean;
  evaluate(buckets: readonly CostBucket[], date: IsoDate, rules: DailyRules): DailyEvaluation;
}

const single: DailyScope = {
  groupBy: [SERVICE],
  filter: EXCLUDE_CREDITS,
  describe: 'by service',
  nameOf: (id) => id,
  includes: () => true,
  evaluate: (buckets, date, rules) => evaluateDailySpend(buckets.map((b) => ({ date: b.start, estimated: b.estimated, byService: b.groups })), date, rules),
};

/**
 * In an organization: still one GetCostAndUsage query, grouped by
 * LINKED_ACCOUNT and SERVICE, filtered to the chosen accounts unless "all"
 * (then only `excludeAccounts` is filtered out). Names come from ListAccounts.
 */
export async function dailyScope(ctx: JobContext): Promise<DailyScope> {
  const org = ctx.config.organization;
  if (!org) return single;
  const plan = await planAccounts(ctx);
  const names = new Map(plan.accounts.map((a) => [a.id!, a.name ?? a.id!]));
  const excluded = new Set(org.excludeAccounts);
  let accounts: Expression | undefined;
  if (org.accounts !== 'all') accounts = { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [...names.keys()] } };
  else if (excluded.size) accounts = { Not: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [...excluded] } } };
  return {
    groupBy: [LINKED_ACCOUNT, SERVICE],
    filter: accounts ? { And: [EXCLUDE_CREDITS, accounts] } : EXCLUDE_CREDITS,
    nameOf: (id) => names.get(id) ?? id,
    includes: org.accounts === 'all' ? (id) => !excluded.has(id) : (id) => names.has(id),
    describe: `by account and service, ${org.accounts === 'all' ? 'every account' : `${names.size} account(s)`}`,
    evaluate: (buckets, date, rules) =>
      evaluateOrganization(orgDays(buckets, (id) => !excluded.has(id)), date, rules, (id) => names.get(id) ?? id),
  };
}
