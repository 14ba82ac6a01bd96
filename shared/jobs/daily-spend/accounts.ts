import type { Expression, GroupDefinition } from '@aws-sdk/client-cost-explorer';
import { EXCLUDE_CREDITS, type CostBucket } from '../../aws/cost-explorer.js';
import { evaluateDailySpend, type DailyEvaluation, type DailyRules } from '../../detect/daily-spend.js';
import { evaluateOrganization, orgDays } from '../../detect/org-spend.js';
import { evaluateSeasonal, type AccountCharge } from '../../detect/seasonal-spend.js';
import type { IsoDate } from '../../time/dates.js';
import { linkedAccounts } from '../common/accounts.js';
import type { JobContext } from '../common/context.js';
import { CHARGES_ONLY, orgCharges, RECORD_TYPE, splitRecordTypes, USAGE_ONLY } from './seasonal-scope.js';

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
  evaluate(buckets: readonly CostBucket[], date: IsoDate, rules: DailyRules, read: SeriesRead): DailyEvaluation;
  /** Seasonal in an organization: the charges query (MONTHLY), made only on runs that need no drivers request. */
  readonly charges?: {
    readonly groupBy: GroupDefinition[];
    readonly filter: Expression;
    read(buckets: readonly CostBucket[]): AccountCharge[];
  };
}

/** What the seasonal model needs beside the buckets: the first fetched day and the currency for its words. */
export interface SeriesRead {
  readonly from: IsoDate;
  readonly currency: string;
}

const single: DailyScope = {
  groupBy: [SERVICE],
  filter: EXCLUDE_CREDITS,
  describe: 'by service',
  nameOf: (id) => id,
  includes: () => true,
  evaluate: (buckets, date, rules, read) =>
    rules.baseline === 'seasonal'
      ? evaluateSeasonal({ ...splitRecordTypes(buckets), ...read, date, rules })
      : evaluateDailySpend(
          buckets.map((b) => ({ date: b.start, estimated: b.estimated, byService: b.groups })),
          date,
          { ...rules, baseline: rules.baseline },
        ),
};

/** Seasonal, one account: one query by SERVICE and RECORD_TYPE, split locally (usage daily, charges monthly). */
const singleSeasonal: DailyScope = { ...single, groupBy: [SERVICE, RECORD_TYPE], describe: 'by service and record type' };

/**
 * In an organization: still one GetCostAndUsage query, grouped by
 * LINKED_ACCOUNT and SERVICE, filtered to the chosen accounts unless "all"
 * (then only `excludeAccounts` is filtered out). Names come from ListAccounts.
 */
export async function dailyScope(ctx: JobContext): Promise<DailyScope> {
  const org = ctx.config.organization;
  const seasonal = ctx.config.dailySpend.baseline === 'seasonal';
  if (!org) return seasonal ? singleSeasonal : single;
  const { names, nameOf, includes, filter: accounts } = await linkedAccounts(ctx, org);
  const excluded = new Set(org.excludeAccounts);
  const records = seasonal ? USAGE_ONLY : EXCLUDE_CREDITS;
  const keep = (id: string) => !excluded.has(id);
  const coverage = org.accounts === 'all' ? 'every account' : `${names.size} account(s)`;
  return {
    groupBy: [LINKED_ACCOUNT, SERVICE],
    filter: accounts ? { And: [records, accounts] } : records,
    nameOf,
    includes,
    describe: `by account and service${seasonal ? ' (usage)' : ''}, ${coverage}`,
    evaluate: (buckets, date, rules, read) =>
      rules.baseline === 'seasonal'
        ? evaluateSeasonal({ days: orgDays(buckets, keep), charges: [], ...read, date, rules, nameOf })
        : evaluateOrganization(orgDays(buckets, keep), date, { ...rules, baseline: rules.baseline }, nameOf),
    ...(seasonal
      ? {
          charges: {
            groupBy: [LINKED_ACCOUNT, RECORD_TYPE],
            filter: accounts ? { And: [CHARGES_ONLY, accounts] } : CHARGES_ONLY,
            read: (b) => orgCharges(b, keep),
          },
        }
      : {}),
  };
}
