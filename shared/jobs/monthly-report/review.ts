import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { readCommitments } from '../../aws/commitments.js';
import { readRightsizing } from '../../aws/rightsizing.js';
import { reviewGap } from '../../aws/review-gap.js';
import { allocate } from '../../review/allocation.js';
import { categorizer, categoryRows, sumByCategory } from '../../review/categories.js';
import type { CategorySource, FinOpsReview, ReviewGap } from '../../review/types.js';
import { tagValue } from '../../report/model.js';
import { firstDayOfMonth } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import type { ReportScope } from './accounts.js';
import { readCostCategory, type ReportCosts, type ReportWindow } from './costs.js';
import { readMonthUnitCost } from './unit-cost.js';

/**
 * The FinOps review of a month: categories (from the services already
 * fetched, or one COST_CATEGORY query), allocation (from the tag queries
 * already fetched), commitments and rightsizing (their own Cost Explorer
 * operations, in parallel). Any part AWS refuses becomes a gap the report
 * names; the rest is written.
 */

export interface ReviewResult {
  readonly review: FinOpsReview;
  /** Operation name of every Cost Explorer request the review made. */
  readonly requests: string[];
  /** CloudWatch GetMetricData requests (unit cost). */
  readonly metricRequests: number;
}

/** Spend by category from the services already fetched, through a service → category mapping. */
const mapped = (costs: ReportCosts, of: (service: string) => string, budgets?: Record<string, number>) =>
  categoryRows({ current: sumByCategory(costs.current, of), previous: sumByCategory(costs.previous, of), budgets });

async function categories(ctx: JobContext, ce: CostExplorerClient, costs: ReportCosts, w: ReportWindow, scope: ReportScope) {
  const r = ctx.config.report;
  const budgets = r.categoryBudgets;
  if (!r.costCategory) {
    const source: CategorySource = r.categories ? { kind: 'config' } : { kind: 'default' };
    return { source, rows: mapped(costs, categorizer(r.categories), budgets), requests: [] as string[], gap: undefined };
  }
  try {
    const cc = await readCostCategory(ctx, ce, r.costCategory, w, scope);
    const source: CategorySource = { kind: 'cost-category', name: r.costCategory };
    return { source, rows: categoryRows({ ...cc, budgets }), requests: Array<string>(cc.requests).fill('GetCostAndUsage'), gap: undefined };
  } catch (err) {
    // A misspelt or deleted Cost Category: fall back to the default mapping and say so.
    const message = `Cost Category "${r.costCategory}" could not be read, so the default mapping is shown: ${(err as Error).message}`;
    const gap: ReviewGap = { ...reviewGap(err, 'categories', 'GetCostAndUsage'), message };
    const requests = Array<string>((err as { requests?: number }).requests ?? 1).fill('GetCostAndUsage');
    return { source: { kind: 'default' } as CategorySource, rows: mapped(costs, categorizer(), budgets), requests, gap };
  }
}

function allocation(ctx: JobContext, costs: ReportCosts) {
  const rows = [];
  const notes = [];
  for (const [key, targets] of Object.entries(ctx.config.report.allocationTargets ?? {})) {
    const split = costs.tagSplits.get(key)?.current ?? new Map<string, number>();
    const byValue = new Map<string, number>();
    // tagValue turns AWS's `key$` (no tag) into `(untagged)`, which allocate counts as untagged.
    for (const [k, v] of split) byValue.set(tagValue(key, k), (byValue.get(tagValue(key, k)) ?? 0) + v);
    const a = allocate(key, targets, byValue);
    rows.push(...a.rows);
    notes.push(...a.notes);
  }
  return { rows, notes };
}

/** Every Cost Explorer operation is filtered to the scope's accounts; rightsizing rows are checked again on arrival. */
export async function gatherReview(
  ctx: JobContext,
  ce: CostExplorerClient,
  costs: ReportCosts,
  w: ReportWindow,
  scope: ReportScope,
): Promise<ReviewResult> {
  const span = { start: firstDayOfMonth(w.month), endExclusive: w.endExclusive, filter: scope.accountFilter };
  const [cats, commitments, rightsizing, unit] = await Promise.all([
    categories(ctx, ce, costs, w, scope),
    readCommitments(ce, span),
    readRightsizing(ce, scope.accountFilter),
    readMonthUnitCost(ctx, costs, w),
  ]);
  const alloc = allocation(ctx, costs);
  const gaps = [cats.gap, ...commitments.gaps, rightsizing.gap, unit.gap].filter((g): g is ReviewGap => g !== undefined);
  for (const g of gaps) ctx.log.warn(`monthly-report: ${g.part}: ${g.message}`);
  return {
    review: {
      categorySource: cats.source,
      byCategory: cats.rows,
      allocation: alloc.rows,
      allocationNotes: alloc.notes,
      commitments: commitments.commitments,
      rightsizing: rightsizing.rows.filter((r) => scope.includes(r.account)),
      gaps,
      unitCost: unit.unitCost,
    },
    metricRequests: unit.requests,
    requests: [...cats.requests, ...commitments.requests, ...Array<string>(rightsizing.requests).fill('GetRightsizingRecommendation')],
  };
}
