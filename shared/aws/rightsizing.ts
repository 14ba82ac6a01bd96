import {
  GetRightsizingRecommendationCommand,
  type CostExplorerClient,
  type Expression,
  type RightsizingRecommendation,
} from '@aws-sdk/client-cost-explorer';
import { roundCents } from '../money.js';
import type { ReviewGap, RightsizingRow } from '../review/types.js';
import { attemptsOf } from './attempts.js';
import { reviewGap } from './review-gap.js';

/**
 * EC2 rightsizing advice from Cost Explorer (an opt-in feature of the payer
 * account), largest saving first. It describes the last 14 days, not the
 * report month: the report says "as of" the run.
 */

export interface RightsizingResult {
  readonly rows: RightsizingRow[];
  readonly gap?: ReviewGap;
  /** Requests made, pages and SDK retries included. */
  readonly requests: number;
}

const PAGE_SIZE = 100;

export function toRow(r: RightsizingRecommendation): RightsizingRow | undefined {
  const current = r.CurrentInstance;
  if (!current?.ResourceId) return undefined;
  const instanceType = current.ResourceDetails?.EC2ResourceDetails?.InstanceType ?? 'unknown';
  const base = {
    account: r.AccountId ?? '',
    instanceId: current.ResourceId,
    instanceType,
    instanceName: current.InstanceName || undefined,
    region: current.ResourceDetails?.EC2ResourceDetails?.Region,
  };
  if (r.RightsizingType === 'TERMINATE') {
    const savings = r.TerminateRecommendationDetail?.EstimatedMonthlySavings ?? current.MonthlyCost;
    return { ...base, action: 'terminate', targetType: null, estimatedMonthlySavings: roundCents(Number(savings ?? 0)) };
  }
  const targets = r.ModifyRecommendationDetail?.TargetInstances ?? [];
  const target = targets.find((t) => t.DefaultTargetInstance) ?? targets[0];
  if (!target) return undefined;
  return {
    ...base,
    action: 'modify',
    targetType: target.ResourceDetails?.EC2ResourceDetails?.InstanceType ?? null,
    estimatedMonthlySavings: roundCents(Number(target.EstimatedMonthlySavings ?? 0)),
  };
}

/** `filter`: LINKED_ACCOUNT values, to read only the chosen accounts' instances. */
export async function readRightsizing(ce: CostExplorerClient, filter?: Expression): Promise<RightsizingResult> {
  const rows: RightsizingRow[] = [];
  let token: string | undefined;
  let requests = 0;
  try {
    do {
      const page = await ce.send(
        new GetRightsizingRecommendationCommand({
          Service: 'AmazonEC2',
          Filter: filter,
          Configuration: { RecommendationTarget: 'SAME_INSTANCE_FAMILY', BenefitsConsidered: true },
          PageSize: PAGE_SIZE,
          NextPageToken: token,
        }),
      );
      requests += attemptsOf(page);
      for (const r of page.RightsizingRecommendations ?? []) {
        const row = toRow(r);
        if (row) rows.push(row);
      }
      token = page.NextPageToken;
    } while (token);
  } catch (err) {
    return { rows: [], gap: reviewGap(err, 'rightsizing', 'GetRightsizingRecommendation'), requests: requests + attemptsOf(err) };
  }
  rows.sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings || a.instanceId.localeCompare(b.instanceId));
  return { rows, requests };
}
