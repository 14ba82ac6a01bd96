import {
  GetCostAndUsageCommand,
  type CostExplorerClient,
  type Expression,
  type GetCostAndUsageCommandInput,
  type GroupDefinition,
} from '@aws-sdk/client-cost-explorer';
import type { CostBucket } from '../detect/cost-bucket.js';
import type { IsoDate } from '../time/dates.js';
import { attemptsOf } from './attempts.js';
import { explainAwsError } from './errors.js';

/** Spend excludes credits and refunds: they would mask a real usage spike. */
export const EXCLUDE_CREDITS: Expression = { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } };

export type { CostBucket } from '../detect/cost-bucket.js';

export interface CostQuery {
  readonly start: IsoDate;
  /** Exclusive, as Cost Explorer takes it. */
  readonly endExclusive: IsoDate;
  readonly granularity: 'DAILY' | 'MONTHLY';
  readonly metric: string;
  readonly groupBy?: readonly GroupDefinition[];
  readonly filter?: Expression;
}

export interface CostQueryResult {
  readonly buckets: CostBucket[];
  readonly currency: string | undefined;
  /** GetCostAndUsage requests made, pages and SDK retries included: each costs $0.01, so jobs report it. */
  readonly requests: number;
}

/** Requests a failed queryCosts made before it failed, the failed one included. */
export const requestsBeforeFailure = (err: unknown): number => (err as { requests?: number }).requests ?? 1;

/**
 * One logical GetCostAndUsage query, following NextPageToken to the end and
 * merging pages (AWS splits a bucket's groups across pages).
 */
export async function queryCosts(ce: CostExplorerClient, q: CostQuery): Promise<CostQueryResult> {
  const byStart = new Map<string, { estimated: boolean; groups: Map<string, number> }>();
  let currency: string | undefined;
  let token: string | undefined;
  let requests = 0;
  do {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: { Start: q.start, End: q.endExclusive },
      Granularity: q.granularity,
      Metrics: [q.metric],
      Filter: q.filter ?? EXCLUDE_CREDITS,
      GroupBy: q.groupBy ? [...q.groupBy] : undefined,
      NextPageToken: token,
    };
    const page = await ce.send(new GetCostAndUsageCommand(input)).catch((err: unknown) => {
      // The requests already made count: a caller that survives the failure still reports them.
      requests += attemptsOf(err);
      throw Object.assign(explainAwsError(err, 'Cost Explorer GetCostAndUsage', 'ce:GetCostAndUsage'), { requests });
    });
    requests += attemptsOf(page);
    for (const r of page.ResultsByTime ?? []) {
      const start = r.TimePeriod?.Start;
      if (!start) continue;
      const bucket = byStart.get(start) ?? { estimated: false, groups: new Map<string, number>() };
      bucket.estimated ||= Boolean(r.Estimated);
      byStart.set(start, bucket);
      if (r.Groups?.length) {
        for (const g of r.Groups) {
          const m = g.Metrics?.[q.metric];
          currency ??= m?.Unit;
          const key = (g.Keys ?? []).join('|');
          bucket.groups.set(key, (bucket.groups.get(key) ?? 0) + Number(m?.Amount ?? 0));
        }
      } else if (!q.groupBy?.length) {
        const m = r.Total?.[q.metric];
        currency ??= m?.Unit;
        bucket.groups.set('', (bucket.groups.get('') ?? 0) + Number(m?.Amount ?? 0));
      }
    }
    token = page.NextPageToken;
  } while (token);
  const buckets = [...byStart.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, b]) => ({ start, estimated: b.estimated, groups: b.groups }));
  return { buckets, currency, requests };
}
