import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { readOptimizationHub } from '../../aws/optimization-hub.js';
import { leverGap } from '../../aws/review-gap.js';
import { BASIS } from '../../review/levers/basis.js';
import { dedupeLevers } from '../../review/levers/dedup.js';
import { mergeOptimizationHub } from '../../review/levers/optimization-hub.js';
import type { AnyLever, Lever, SavingsLevers } from '../../review/levers/types.js';
import type { FinOpsReview, ReviewGap } from '../../review/types.js';
import type { JobContext } from '../common/context.js';
import type { ReportScope } from './accounts.js';
import type { ReportWindow } from './costs.js';
import { commitmentsLever, dataTransferLever, spotLever } from './levers-costs.js';
import { gravitonLever, storageLever } from './levers-scan.js';

/**
 * The savings levers of the review, every lever read at once: a lever AWS
 * will not answer becomes a gap of its own (`reviewGaps` entry named after
 * it) and the others are still priced. Cost Optimization Hub, when enabled,
 * merges in before each resource is counted once.
 */

export interface LeversResult {
  readonly levers: SavingsLevers;
  readonly gaps: ReviewGap[];
  /** Operation of every Cost Explorer request the levers made. */
  readonly requests: string[];
  /** Other AWS calls (EC2, RDS, S3, CloudWatch, Cost Optimization Hub), by operation. */
  readonly calls: Record<string, number>;
}

/** Rightsizing (part 2) as a lever: its rows, keyed by instance; a gap when the review's rightsizing is one. */
function rightsizingLever(review: FinOpsReview): Lever<'rightsizing'> {
  const gap = review.gaps.some((g) => g.part === 'rightsizing');
  const items = review.rightsizing.map((r) => ({ ...r, resource: r.instanceId }));
  return { lever: 'rightsizing', estimatedMonthlySavings: null, basis: BASIS.rightsizing, items, ...(gap ? { gap: true } : {}) };
}

async function withOptimizationHub(ctx: JobContext, levers: AnyLever[], scope: ReportScope) {
  if (!ctx.config.report.costOptimizationHub) return { levers, gaps: [] as ReviewGap[], calls: {} };
  try {
    const out = await readOptimizationHub(
      ctx.aws.costOptimizationHub(),
      scope.accountFilter ? [...(scope.names?.keys() ?? [])] : undefined,
    );
    const recommendations = out.recommendations.filter((r) => !r.accountId || scope.includes(r.accountId));
    return { levers: mergeOptimizationHub(levers, recommendations), gaps: [], calls: { ListRecommendations: out.requests } };
  } catch (err) {
    const gap = leverGap(err, 'costOptimizationHub', 'ListRecommendations', 'cost-optimization-hub:ListRecommendations');
    return { levers, gaps: [gap], calls: { ListRecommendations: (err as { requests?: number }).requests ?? 1 } };
  }
}

export async function gatherLevers(
  ctx: JobContext,
  ce: CostExplorerClient,
  w: ReportWindow,
  scope: ReportScope,
  review: FinOpsReview,
  homeAccount: string,
): Promise<LeversResult> {
  const [commitments, spot, transfer, graviton, storage] = await Promise.all([
    commitmentsLever(ce, scope),
    spotLever(ctx, ce, w, scope),
    dataTransferLever(ctx, ce, w, scope, scope.names ? null : homeAccount),
    gravitonLever(ctx, homeAccount),
    storageLever(ctx, homeAccount),
  ]);
  const read: AnyLever[] = [rightsizingLever(review), commitments.lever, spot.lever, transfer.lever, graviton.lever, storage.lever];
  const hub = await withOptimizationHub(ctx, read, scope);
  const gaps = [...commitments.gaps, ...spot.gaps, ...transfer.gaps, ...graviton.gaps, ...storage.gaps, ...hub.gaps];
  for (const g of gaps) ctx.log.warn(`monthly-report: ${g.part}: ${g.message}`);
  const calls: Record<string, number> = {};
  for (const part of [graviton.calls, storage.calls, hub.calls])
    for (const [op, n] of Object.entries(part)) calls[op] = (calls[op] ?? 0) + n;
  return {
    levers: dedupeLevers(hub.levers),
    gaps,
    requests: [...commitments.requests, ...spot.requests, ...transfer.requests],
    calls,
  };
}
