/* The monthly-report demo's two months of Cost Explorer records, shared by the demo, the tests and the layout check. */
import type { CostRecord } from '../../emulators/cost-explorer.js';
import { addDays, addMonths, dayRange, firstDayOfMonth, monthEndExclusive, monthOf, type IsoMonth } from '../../shared/time/dates.js';

/** Daily spend per service in the month before → the month itself; tags split it between teams. */
const SERVICES: Array<[name: string, before: number, after: number, teams: Record<string, number>]> = [
  ['Amazon Elastic Compute Cloud - Compute', 410, 468, { platform: 0.6, web: 0.3, '': 0.1 }],
  ['Amazon Relational Database Service', 175, 181, { data: 0.8, web: 0.2 }],
  ['Amazon OpenSearch Service', 72, 51, { data: 1 }],
  ['Amazon Simple Storage Service', 58, 77, { data: 0.5, platform: 0.3, '': 0.2 }],
  ['Amazon Elastic Container Service', 48, 12, { web: 1 }],
  ['Amazon Elastic Kubernetes Service', 0, 38, { platform: 1 }],
  ['Amazon CloudFront', 29, 34, { web: 1 }],
  ['AWS Lambda', 24, 17, { web: 0.7, data: 0.3 }],
  ['Amazon DynamoDB', 21, 22, { web: 1 }],
  ['AmazonCloudWatch', 15, 18, { platform: 1 }],
  ['Amazon Virtual Private Cloud', 12, 13, { platform: 1 }],
  ['AWS Key Management Service', 3.2, 3.3, { platform: 1 }],
  ['Amazon Route 53', 1.6, 1.6, { platform: 1 }],
];

/** Deterministic noise, so the demo and the screenshot look the same on every run. */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

/** Two months of records ending with `month`: weekday/weekend rhythm, growth and a mid-month CloudFront spike. */
export function monthlyReportDataset(month: IsoMonth): CostRecord[] {
  const records: CostRecord[] = [];
  const start = firstDayOfMonth(addMonths(month, -1));
  for (const [d, date] of dayRange(start, addDays(monthEndExclusive(month), -1)).entries()) {
    const inMonth = monthOf(date) === month;
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) ? 0.82 : 1;
    SERVICES.forEach(([service, before, after, teams], s) => {
      let amount = (inMonth ? after : before) * weekend * (1 + noise(d * 31 + s) * 0.12);
      if (inMonth && service === 'Amazon CloudFront' && date.endsWith('-14')) amount *= 4;
      for (const [team, share] of Object.entries(teams)) {
        if (amount <= 0) continue;
        const environment =
          team === 'data' ? 'production' : team === 'platform' && d % 4 === 0 ? 'development' : d % 3 ? 'production' : 'staging';
        const tags: Record<string, string> = team ? { team, environment: service.includes('Kubernetes') ? 'R&D' : environment } : {};
        records.push({ date, service, amount: Math.round(amount * share * 1e4) / 1e4, tags });
      }
    });
  }
  return records;
}
