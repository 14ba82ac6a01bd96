/**
 * The FinOps review part of the monthly-report demo: commitments and
 * rightsizing for the Cost Explorer double, the review's config (category
 * budgets, allocation targets, cost per lead) and the lead metric in moto.
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { DatasetOptions } from '../../emulators/cost-explorer.js';
import { putDailyUnits } from '../../emulators/unit-metric.js';
import { addDays, addMonths, dayRange, firstDayOfMonth, monthEndExclusive, type IsoMonth } from '../../shared/time/dates.js';

/** Savings Plans well used, reservations half idle, three instances of `accountId` to resize: something for finance to act on. */
export function monthlyReviewOptions(month: IsoMonth, accountId?: string): DatasetOptions {
  const before = addMonths(month, -1);
  const options = {
    savingsPlans: [
      { month: before, totalCommitment: 7_440, usedCommitment: 7_291, coveredSpend: 7_291, onDemandCost: 6_020 },
      { month, totalCommitment: 7_440, usedCommitment: 7_366, coveredSpend: 7_366, onDemandCost: 7_950 },
    ],
    reservations: [
      { month: before, purchasedHours: 1_488, usedHours: 1_460, reservedHours: 1_460, onDemandHours: 820 },
      { month, purchasedHours: 1_488, usedHours: 818, reservedHours: 818, onDemandHours: 1_540 },
    ],
    rightsizing: [
      {
        instanceId: 'i-0c4d5e6f708192a3b',
        instanceName: 'web-batch-2',
        instanceType: 'm5.4xlarge',
        monthlyCost: 560.64,
        action: 'modify',
        targets: [
          { instanceType: 'm5.xlarge', estimatedMonthlySavings: 420.48 },
          { instanceType: 'm5.2xlarge', estimatedMonthlySavings: 280.32, default: true },
        ],
      },
      {
        instanceId: 'i-0a1b2c3d4e5f60718',
        instanceName: 'legacy-report',
        instanceType: 'm5.xlarge',
        monthlyCost: 140.16,
        action: 'terminate',
      },
      {
        instanceId: 'i-09f8e7d6c5b4a3921',
        instanceName: 'ci-runner-7',
        instanceType: 'c5.2xlarge',
        monthlyCost: 248.2,
        action: 'modify',
        targets: [{ instanceType: 'c5.xlarge', estimatedMonthlySavings: 124.1, default: true }],
      },
    ],
  } satisfies DatasetOptions;
  return accountId ? { ...options, rightsizing: options.rightsizing.map((r) => ({ ...r, accountId })) } : options;
}

export const LEAD_METRIC = { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' } } as const;

/** The review keys of the demo config: the finance team's categories, shares and cost per lead. */
export const REVIEW_CONFIG = {
  report: {
    categoryBudgets: { Compute: 16_000, Database: 7_000, 'AI/ML': 500, Storage: 2_000, Networking: 2_000 },
    allocationTargets: { environment: { production: 70, staging: 15, development: 10, 'R&D': 5 } },
  },
  unitCost: { unit: 'lead', target: 0.05, metric: { ...LEAD_METRIC, region: 'us-east-1' } },
};

/** Leads per day from the month before `month` through yesterday: fewer at weekends, fewer last month. */
export async function seedLeadMetric(
  clientConfig: ConstructorParameters<typeof CloudWatchClient>[0],
  month: IsoMonth,
  now = new Date(),
): Promise<void> {
  // Through yesterday too, so daily-spend's cost per lead has data in the full demo.
  const today = now.toISOString().slice(0, 10);
  const last = today > monthEndExclusive(month) ? today : monthEndExclusive(month);
  const units: Record<string, number> = {};
  for (const [i, day] of dayRange(firstDayOfMonth(addMonths(month, -1)), addDays(last, -1)).entries()) {
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    units[day] = Math.round((day < firstDayOfMonth(month) ? 17_800 : 17_000) * (weekend ? 0.8 : 1) * (1 + Math.sin(i) * 0.05));
  }
  await putDailyUnits(new CloudWatchClient({ ...clientConfig, disableRequestCompression: true }), LEAD_METRIC, units);
}
