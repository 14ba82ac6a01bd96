import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { queryCosts, requestsBeforeFailure } from '../../aws/cost-explorer.js';
import { readReservationPurchase, readSavingsPlansPurchase, RESERVABLE_SERVICES } from '../../aws/purchase-recommendations.js';
import { leverGap } from '../../aws/review-gap.js';
import { readSpotCandidateSpend } from '../../aws/spot-spend.js';
import { roundCents } from '../../money.js';
import { BASIS } from '../../review/levers/basis.js';
import { dataTransferItems, splitByService, type UsageLine } from '../../review/levers/data-transfer.js';
import type { Lever } from '../../review/levers/types.js';
import type { ReviewGap } from '../../review/types.js';
import { addMonths, firstDayOfMonth } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import type { ReportScope } from './accounts.js';
import { monthPair, type ReportWindow } from './costs.js';

/**
 * The levers Cost Explorer answers: commitments to buy (three purchase
 * recommendation requests: Compute Savings Plans, RDS, ElastiCache), Spot
 * candidates (one GetCostAndUsage for every environment and account) and
 * data transfer (one GetCostAndUsage spanning both months by service and
 * usage type; in an organization one more for the current month by account).
 */

export interface LeverPart<L extends Lever> {
  readonly lever: L;
  readonly gaps: ReviewGap[];
  /** Operation of every Cost Explorer request made, failed ones included. */
  readonly requests: string[];
}

const gapLever = <L extends Lever>(lever: L['lever'], basis: string): L =>
  ({ lever, estimatedMonthlySavings: null, basis, items: [], gap: true }) as unknown as L;

export async function commitmentsLever(ce: CostExplorerClient, scope: ReportScope): Promise<LeverPart<Lever<'commitments'>>> {
  const reads = [
    { op: 'GetSavingsPlansPurchaseRecommendation', run: () => readSavingsPlansPurchase(ce, scope.accountFilter) },
    ...RESERVABLE_SERVICES.map((s) => ({
      op: 'GetReservationPurchaseRecommendation',
      run: () => readReservationPurchase(ce, s, scope.accountFilter),
    })),
  ];
  const outcomes = await Promise.all(
    reads.map((r) =>
      r.run().then(
        (ok) => ({ ok }),
        (err: unknown) => ({ err }),
      ),
    ),
  );
  const requests: string[] = [];
  const gaps: ReviewGap[] = [];
  const items = outcomes.flatMap((o, i) => {
    const op = reads[i]!.op;
    if ('ok' in o) {
      requests.push(...Array<string>(o.ok.requests).fill(op));
      return o.ok.items;
    }
    requests.push(...Array<string>(requestsBeforeFailure(o.err)).fill(op));
    // One denial is one gap: RDS and ElastiCache share the operation and its permission.
    if (!gaps.some((g) => g.operation === op)) gaps.push(leverGap(o.err, 'commitments', op, `ce:${op}`));
    return [];
  });
  // A lever answered in part (Savings Plans but no reservations) lists what it has and names the gap.
  if (outcomes.every((o) => 'err' in o)) return { lever: gapLever('commitments', BASIS.commitments), gaps, requests };
  items.sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings);
  return { lever: { lever: 'commitments', estimatedMonthlySavings: null, basis: BASIS.commitments, items }, gaps, requests };
}

export async function spotLever(
  ctx: JobContext,
  ce: CostExplorerClient,
  w: ReportWindow,
  scope: ReportScope,
): Promise<LeverPart<Lever<'spot'>>> {
  const r = ctx.config.report;
  const basis = BASIS.spot(r.environmentTag, r.spotEnvironments, r.spotDiscountPct);
  try {
    const out = await readSpotCandidateSpend(ce, {
      start: firstDayOfMonth(w.month),
      endExclusive: w.endExclusive,
      metric: ctx.config.dailySpend.metric,
      tagKey: r.environmentTag,
      environments: r.spotEnvironments,
      filter: scope.costFilter,
    });
    const items = out.rows
      .filter((row) => scope.includes(row.account))
      .map((row) => ({
        account: row.account || null,
        environment: row.environment,
        onDemandSpend: roundCents(row.amount),
        estimatedMonthlySavings: roundCents((row.amount * r.spotDiscountPct) / 100),
        resource: `spot:${row.account}:${row.environment}`,
      }))
      .sort((a, b) => b.onDemandSpend - a.onDemandSpend);
    const requests = Array<string>(out.requests).fill('GetCostAndUsage');
    return { lever: { lever: 'spot', estimatedMonthlySavings: null, basis, items }, gaps: [], requests };
  } catch (err) {
    const requests = Array<string>(requestsBeforeFailure(err)).fill('GetCostAndUsage');
    return { lever: gapLever('spot', basis), gaps: [leverGap(err, 'spot', 'GetCostAndUsage', 'ce:GetCostAndUsage')], requests };
  }
}

/** Usage lines of one month from a query grouped by (first key, USAGE_TYPE). */
const linesOf = (groups: Map<string, number> | undefined, first: 'service' | 'account') =>
  [...(groups ?? new Map<string, number>())].map(([key, amount]) => {
    const cut = key.lastIndexOf('|');
    const [head, usageType] = [key.slice(0, cut), key.slice(cut + 1)];
    return { account: first === 'account' ? head : null, service: first === 'service' ? head : '', usageType, amount };
  });

export async function dataTransferLever(
  ctx: JobContext,
  ce: CostExplorerClient,
  w: ReportWindow,
  scope: ReportScope,
  home: string | null,
): Promise<LeverPart<Lever<'data-transfer'>>> {
  const metric = ctx.config.dailySpend.metric;
  const filter = scope.costFilter;
  const by = (key: 'SERVICE' | 'LINKED_ACCOUNT') => [
    { Type: 'DIMENSION' as const, Key: key },
    { Type: 'DIMENSION' as const, Key: 'USAGE_TYPE' as const },
  ];
  let requests = 0;
  try {
    const [services, accounts] = await Promise.all([
      monthPair(ce, w, { metric, filter, groupBy: by('SERVICE') }),
      scope.names
        ? queryCosts(ce, {
            start: firstDayOfMonth(w.month),
            endExclusive: w.endExclusive,
            granularity: 'MONTHLY',
            metric,
            filter,
            groupBy: by('LINKED_ACCOUNT'),
          })
        : undefined,
    ]);
    requests = services.requests + (accounts?.requests ?? 0);
    const month = (m: string) => services.buckets.find((b) => b.start === firstDayOfMonth(m))?.groups;
    const withHome = (lines: UsageLine[]) => lines.map((l) => ({ ...l, account: l.account ?? home }));
    const current = withHome(linesOf(month(w.month), 'service'));
    const previous = linesOf(month(addMonths(w.month, -1)), 'service');
    const sources = accounts
      ? splitByService(
          linesOf(accounts.buckets[0]?.groups, 'account').map((l) => ({
            account: l.account ?? '',
            usageType: l.usageType,
            amount: l.amount,
          })),
          current,
        )
      : current;
    const items = dataTransferItems(sources, previous, ctx.config.dailySpend);
    return {
      lever: { lever: 'data-transfer', estimatedMonthlySavings: null, basis: BASIS['data-transfer'], items },
      gaps: [],
      requests: Array<string>(requests).fill('GetCostAndUsage'),
    };
  } catch (err) {
    const made = Math.max(requests, requestsBeforeFailure(err));
    return {
      lever: gapLever('data-transfer', BASIS['data-transfer']),
      gaps: [leverGap(err, 'data-transfer', 'GetCostAndUsage', 'ce:GetCostAndUsage')],
      requests: Array<string>(made).fill('GetCostAndUsage'),
    };
  }
}
