import { ListRecommendationsCommand, type CostOptimizationHubClient, type Recommendation } from '@aws-sdk/client-cost-optimization-hub';
import { attemptsOf } from './attempts.js';

/**
 * Cost Optimization Hub's recommendations (free to call), paged to the end,
 * for the chosen accounts when there is a choice. The hub groups AWS's
 * advisors (Compute Optimizer, Cost Explorer) and names each resource once
 * per recommended action.
 */
export async function readOptimizationHub(
  coh: CostOptimizationHubClient,
  accountIds?: readonly string[],
): Promise<{ recommendations: Recommendation[]; requests: number }> {
  const recommendations: Recommendation[] = [];
  let requests = 0;
  let token: string | undefined;
  try {
    do {
      const page = await coh.send(
        new ListRecommendationsCommand({ filter: accountIds ? { accountIds: [...accountIds] } : undefined, nextToken: token }),
      );
      requests += attemptsOf(page);
      recommendations.push(...(page.items ?? []));
      token = page.nextToken;
    } while (token);
  } catch (err) {
    throw Object.assign(err as object, { requests: requests + attemptsOf(err) });
  }
  return { recommendations, requests };
}
