import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
/**
 * Cost Explorer requests of one monthly report, counted at the double per
 * operation: the Cost Explorer half of the job (costs + review) run against
 * it, for the configurations that change the count.
 */
import { startCostExplorerDouble, type DatasetOptions } from '../../emulators/cost-explorer.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { createContext } from '../../shared/jobs/common/context.js';
import { readCosts, reportWindow } from '../../shared/jobs/monthly-report/costs.js';
import { gatherReview } from '../../shared/jobs/monthly-report/review.js';
import { silentLogger } from '../../shared/log.js';
import { monthlyReportDataset } from '../demo/monthly-dataset.js';
import { monthlyReviewOptions } from '../demo/monthly-review.js';

const MONTH = '2026-03';
const END = '2026-04-01';

interface Case {
  readonly name: string;
  readonly report: Record<string, unknown>;
  readonly review: DatasetOptions;
}

const CASES: Case[] = [
  { name: 'no tags, no Savings Plans or reservations', report: {}, review: {} },
  { name: 'no tags, Savings Plans and reservations', report: {}, review: monthlyReviewOptions(MONTH) },
  {
    name: '2 tag keys + allocation on one of them, commitments',
    report: {
      groupByTags: ['team', 'environment'],
      allocationTargets: { environment: { production: 70, staging: 15, development: 10, 'R&D': 5 } },
    },
    review: monthlyReviewOptions(MONTH),
  },
  { name: 'AWS Cost Category for the categories, commitments', report: { costCategory: 'Component' }, review: monthlyReviewOptions(MONTH) },
];

export async function requestsPerReport(): Promise<Array<{ name: string; total: number; operations: Record<string, number> }>> {
  const ce = await startCostExplorerDouble();
  process.env.AWS_ENDPOINT_URL_COST_EXPLORER = ce.url;
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  const rows = [];
  try {
    for (const c of CASES) {
      ce.setDataset(monthlyReportDataset(MONTH), c.review);
      ce.resetRequests();
      const ctx = createContext({
        config: parseConfig({ report: c.report }),
        log: silentLogger,
        dryRun: true,
        aws: new AwsClients(process.env, ALL_CLIENTS),
      });
      const client = ctx.aws.costExplorer();
      const window = reportWindow(MONTH, END, false);
      const scope = { includes: () => true };
      const costs = await readCosts(ctx, client, window, scope);
      await gatherReview(ctx, client, costs, window, scope);
      const operations: Record<string, number> = {};
      for (const r of ce.requests) operations[r.operation] = (operations[r.operation] ?? 0) + 1;
      rows.push({ name: c.name, total: ce.requests.length, operations });
    }
  } finally {
    await ce.stop();
  }
  return rows;
}
