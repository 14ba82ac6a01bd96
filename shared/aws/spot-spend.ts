import type { CostExplorerClient, Expression } from '@aws-sdk/client-cost-explorer';
import type { IsoDate } from '../time/dates.js';
import { EXCLUDE_CREDITS, queryCosts } from './cost-explorer.js';

/**
 * On-demand EC2 compute spend of the month whose environment tag has one of
 * the given values, by account and value: one GetCostAndUsage request (pages
 * aside) for every environment and account. PURCHASE_TYPE keeps Spot (and
 * reserved) usage out, so what runs on Spot already is never counted.
 */

export const EC2_COMPUTE = 'Amazon Elastic Compute Cloud - Compute';

export interface SpotSpendQuery {
  readonly start: IsoDate;
  readonly endExclusive: IsoDate;
  readonly metric: string;
  readonly tagKey: string;
  readonly environments: readonly string[];
  /** The report's account filter (credits out, chosen accounts); undefined: credits out only. */
  readonly filter?: Expression;
}

export interface SpotSpendRow {
  /** The linked account. */
  readonly account: string;
  readonly environment: string;
  readonly amount: number;
}

export async function readSpotCandidateSpend(
  ce: CostExplorerClient,
  q: SpotSpendQuery,
): Promise<{ rows: SpotSpendRow[]; requests: number }> {
  const filter: Expression = {
    And: [
      q.filter ?? EXCLUDE_CREDITS,
      { Dimensions: { Key: 'SERVICE', Values: [EC2_COMPUTE] } },
      { Dimensions: { Key: 'PURCHASE_TYPE', Values: ['On Demand Instances'] } },
      { Tags: { Key: q.tagKey, Values: [...q.environments] } },
    ],
  };
  const out = await queryCosts(ce, {
    start: q.start,
    endExclusive: q.endExclusive,
    granularity: 'MONTHLY',
    metric: q.metric,
    filter,
    groupBy: [
      { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      { Type: 'TAG', Key: q.tagKey },
    ],
  });
  const byKey = new Map<string, number>();
  for (const b of out.buckets) for (const [key, amount] of b.groups) byKey.set(key, (byKey.get(key) ?? 0) + amount);
  const rows: SpotSpendRow[] = [];
  for (const [key, amount] of byKey) {
    const [account = '', tag = ''] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    // AWS keys tag groups as `key$value`.
    const environment = tag.startsWith(`${q.tagKey}$`) ? tag.slice(q.tagKey.length + 1) : tag;
    if (environment && amount > 0) rows.push({ account, environment, amount });
  }
  return { rows, requests: out.requests };
}
