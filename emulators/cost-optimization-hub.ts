import type { ListRecommendationsRequest, ListRecommendationsResponse, Recommendation } from '@aws-sdk/client-cost-optimization-hub';
import { CostExplorerFault, DEFAULT_ACCOUNT, type Dataset, type OptimizationHubRecord } from './cost-explorer-model.js';

/**
 * Cost Optimization Hub's ListRecommendations, answered by the Cost Explorer
 * double's server (the same HTTP server, told apart by its X-Amz-Target
 * prefix `CostOptimizationHubService.`): both are Cost Management APIs the
 * report reads, and one dataset describes the account for both. The filter
 * keys the report uses are honoured; an account not enrolled is denied as AWS
 * denies it.
 */

export const COH_TARGET_PREFIX = 'CostOptimizationHubService.';
export const NOT_ENROLLED_MESSAGE =
  'The account is not enrolled in Cost Optimization Hub. Opt in from the Cost Optimization Hub console or with UpdateEnrollmentStatus.';

const has = (wanted: readonly string[] | undefined, value: string | undefined) =>
  !wanted?.length || (value !== undefined && wanted.includes(value));

function recommendation(r: OptimizationHubRecord): Recommendation {
  return {
    recommendationId: r.recommendationId,
    accountId: r.accountId ?? DEFAULT_ACCOUNT,
    region: r.region ?? 'us-east-1',
    resourceId: r.resourceId,
    resourceArn: r.resourceArn,
    currentResourceType: r.currentResourceType,
    recommendedResourceType: r.recommendedResourceType ?? r.currentResourceType,
    actionType: r.actionType,
    currentResourceSummary: r.currentResourceSummary,
    recommendedResourceSummary: r.recommendedResourceSummary,
    estimatedMonthlySavings: r.estimatedMonthlySavings,
    estimatedMonthlyCost: r.estimatedMonthlyCost,
    currencyCode: 'USD',
    source: 'CostExplorer',
  };
}

export function listRecommendations(ds: Dataset, req: ListRecommendationsRequest): ListRecommendationsResponse {
  if (ds.optimizationHub === null) throw new CostExplorerFault('AccessDeniedException', NOT_ENROLLED_MESSAGE);
  const f = req.filter ?? {};
  const all = (ds.optimizationHub ?? [])
    .map(recommendation)
    .filter(
      (r) =>
        has(f.accountIds, r.accountId) &&
        has(f.regions, r.region) &&
        has(f.resourceIds, r.resourceId) &&
        has(f.actionTypes, r.actionType) &&
        has(f.resourceTypes, r.currentResourceType),
    );
  const size = Math.max(1, Math.min(req.maxResults ?? 100, 1000));
  const offset = req.nextToken ? Number(Buffer.from(req.nextToken, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > all.length)
    throw new CostExplorerFault('ValidationException', 'Invalid nextToken');
  return {
    items: all.slice(offset, offset + size),
    ...(offset + size < all.length ? { nextToken: Buffer.from(String(offset + size)).toString('base64url') } : {}),
  };
}
