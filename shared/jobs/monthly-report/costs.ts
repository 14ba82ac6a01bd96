import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { queryCosts, type CostBucket, type CostQuery, type CostQueryResult } from '../../aws/cost-explorer.js';
import { AwsAccessError } from '../../errors.js';
import { sumBy, type AccountSpendData } from '../../report/accounts.js';
import { comparedDays } from '../../report/model.js';
import { readLatestFindings } from '../../report/storage.js';
import { readOwnershipMonth, type OwnershipMonth } from '../../report/ownership-month.js';
import { addDays, addMonths, firstDayOfMonth, type IsoDate, type IsoMonth } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import type { ReportScope } from './accounts.js';

type Amounts = Map<string, number>;
export interface MonthPair {
  readonly current: Amounts;
  readonly previous: Amounts;
}

/** Tag keys the report queries: the groupByTags sections and the allocation targets, each once. */
export function reportTagKeys(ctx: JobContext): string[] {
  return [...new Set([...ctx.config.report.groupByTags, ...Object.keys(ctx.config.report.allocationTargets ?? {})])];
}

/** The days compared: the report's month (through its last day so far) and the month before. */
export interface ReportWindow {
  readonly month: IsoMonth;
  readonly endExclusive: IsoDate;
  /**
   * The month before, as compared: whole for a finished month; for a running month
   * (`--allow-partial`) its same first days, so 5 days are not set against 30. Inclusive.
   */
  readonly comparedWith: { readonly from: IsoDate; readonly to: IsoDate };
  readonly partial: boolean;
}

export function reportWindow(month: IsoMonth, endExclusive: IsoDate, partial: boolean): ReportWindow {
  return { month, endExclusive, comparedWith: comparedDays(month, addDays(endExclusive, -1), partial), partial };
}

/**
 * Both months of one MONTHLY query: one request spanning both, or, for a
 * running month, one per month (a time period cannot skip the days between).
 */
export async function monthPair(
  ce: CostExplorerClient,
  w: ReportWindow,
  q: Omit<CostQuery, 'start' | 'endExclusive' | 'granularity'>,
): Promise<CostQueryResult> {
  const from = w.comparedWith.from;
  if (!w.partial) return queryCosts(ce, { ...q, start: from, endExclusive: w.endExclusive, granularity: 'MONTHLY' });
  const [before, now] = await Promise.all([
    queryCosts(ce, { ...q, start: from, endExclusive: addDays(w.comparedWith.to, 1), granularity: 'MONTHLY' }),
    queryCosts(ce, { ...q, start: firstDayOfMonth(w.month), endExclusive: w.endExclusive, granularity: 'MONTHLY' }),
  ]);
  return {
    buckets: [...before.buckets, ...now.buckets],
    currency: before.currency ?? now.currency,
    requests: before.requests + now.requests,
  };
}

/**
 * Cost Explorer in 2 requests (+1 per tag key, +1 for a Cost Category): one
 * MONTHLY query spanning the month and the month before, grouped by SERVICE,
 * and one ungrouped DAILY query for the line chart. A single DAILY query by
 * service over both months would be one call on paper but ~60 × services
 * groups, which AWS pages. Tag keys shared by groupByTags and
 * allocationTargets are asked once. A running month doubles the MONTHLY
 * requests (see monthPair). Every request is filtered to the scope's accounts.
 */
export async function readCosts(ctx: JobContext, ce: CostExplorerClient, w: ReportWindow, scope: ReportScope) {
  const { month, endExclusive } = w;
  const names = scope.names;
  const metric = ctx.config.dailySpend.metric;
  const filter = scope.costFilter;
  const tagKeys = reportTagKeys(ctx);
  const [byService, daily, ...tags] = await Promise.all([
    // Organizations: the same request grouped by account too; services are then summed over accounts.
    monthPair(ce, w, {
      metric,
      filter,
      groupBy: [...(names ? [{ Type: 'DIMENSION' as const, Key: 'LINKED_ACCOUNT' as const }] : []), { Type: 'DIMENSION', Key: 'SERVICE' }],
    }),
    queryCosts(ce, { start: firstDayOfMonth(month), endExclusive, granularity: 'DAILY', metric, filter }),
    ...tagKeys.map((key) => monthPair(ce, w, { metric, filter, groupBy: [{ Type: 'TAG', Key: key }] })),
  ]);
  const of = (buckets: CostBucket[], m: IsoMonth) =>
    buckets.find((b) => b.start === firstDayOfMonth(m))?.groups ?? new Map<string, number>();
  const pair = (buckets: CostBucket[]): MonthPair => ({ current: of(buckets, month), previous: of(buckets, addMonths(month, -1)) });
  const tagSplits = new Map(tagKeys.map((key, i) => [key, pair(tags[i]!.buckets)]));
  const services = pair(byService.buckets);
  const accounts: AccountSpendData | undefined = names && { ...services, names };
  return {
    currency: byService.currency ?? daily.currency,
    estimated: [...byService.buckets, ...daily.buckets].some((b) => b.estimated && b.start >= firstDayOfMonth(month)),
    ...(accounts ? { current: sumBy(accounts.current, 'service'), previous: sumBy(accounts.previous, 'service') } : services),
    /** Organizations: both months by `<account>|<service>`, with names. */
    accountSpend: accounts,
    daily: new Map(daily.buckets.map((b) => [b.start, b.groups.get('') ?? 0])),
    tags: ctx.config.report.groupByTags.map((key) => ({ key, ...tagSplits.get(key)! })),
    tagSplits,
    requests: [byService, daily, ...tags].reduce((n, r) => n + r.requests, 0),
  };
}

export type ReportCosts = Awaited<ReturnType<typeof readCosts>>;

/** One MONTHLY query over both months grouped by the Cost Category (`Name$Value` keys). */
export async function readCostCategory(ctx: JobContext, ce: CostExplorerClient, name: string, w: ReportWindow, scope: ReportScope) {
  const { month } = w;
  const metric = ctx.config.dailySpend.metric;
  const r = await monthPair(ce, w, { metric, filter: scope.costFilter, groupBy: [{ Type: 'COST_CATEGORY', Key: name }] });
  const strip = (m: Amounts): Amounts => {
    const out = new Map<string, number>();
    for (const [k, v] of m) {
      const value = k.startsWith(`${name}$`) ? k.slice(name.length + 1) : k;
      const label = value === '' ? '(uncategorized)' : value;
      out.set(label, (out.get(label) ?? 0) + v);
    }
    return out;
  };
  const of = (m: IsoMonth) => r.buckets.find((b) => b.start === firstDayOfMonth(m))?.groups ?? new Map<string, number>();
  return { current: strip(of(month)), previous: strip(of(addMonths(month, -1))), requests: r.requests };
}

/** A findings object that cannot be read leaves the waste section out; a denied read still stops the run. */
export async function readWaste(ctx: JobContext, bucket: string | undefined, month: IsoMonth) {
  if (!bucket) return undefined;
  try {
    return await readLatestFindings(ctx.aws.s3(), bucket, month);
  } catch (err) {
    if (err instanceof AwsAccessError) throw err;
    ctx.log.warn(`monthly-report: leaving waste out: ${(err as Error).message}`);
    return undefined;
  }
}

/** The month's realized savings and untagged share, from the findings files; unreadable files leave them out (null). */
export async function readOwnership(ctx: JobContext, bucket: string | undefined, month: IsoMonth): Promise<OwnershipMonth | null> {
  if (!bucket) return null;
  try {
    return await readOwnershipMonth(ctx.aws.s3(), bucket, month);
  } catch (err) {
    if (err instanceof AwsAccessError) throw err;
    ctx.log.warn(`monthly-report: leaving realized savings and the untagged share out: ${(err as Error).message}`);
    return null;
  }
}
