import { formatMoney } from '../money.js';
import type { JobDefinition } from './types.js';
import { runIdleLocally } from './idle/run-local.js';
import type { IdleResourcesResult } from './idle/reduce.js';

export { idleAlertId, idleSubject } from './idle/alerts.js';
export { planIdleScan, scanTasks, type IdlePlan, type ScanTask } from './idle/plan.js';
export { scanIdleTask, type ScanOutcome } from './idle/scan.js';
export { findingsKey, reduceIdleScan, type IdleResourcesResult, type RegionSummary } from './idle/reduce.js';
export { runIdleLocally as runIdleResources } from './idle/run-local.js';

export function summarizeIdleResources(r: IdleResourcesResult): string {
  const pairs = r.regions.length * (r.accounts?.length ?? 1);
  const lines = [
    `idle-resources ${r.date} (week of ${r.weekStart}): ${r.idleInstances.length} idle instances, ${r.unattachedVolumes.length} unattached volumes, about ${formatMoney(r.estimatedMonthlySavings, r.currency)}/month; ${r.noData} without CPU data; ${r.byRegion.length}/${pairs} ${r.accounts ? 'account-regions' : 'regions'} scanned`,
  ];
  for (const e of r.accountErrors) lines.push(`  NOT SCANNED account ${e.account}: ${e.message}`);
  for (const e of r.regionErrors) lines.push(`  NOT SCANNED ${e.account ? `${e.account} ` : ''}${e.region}: ${e.message}`);
  const money = (c: number | null) => (c === null ? 'price unknown' : `${formatMoney(c, r.currency)}/month`);
  const named = (x: { id: string; name?: string }) => (x.name ? `${x.id} (${x.name})` : x.id);
  const acct = (x: object) => ('account' in x && x.account ? ` ${String(x.account)}` : '');
  for (const i of r.idleInstances.slice(0, 10))
    lines.push(`  instance ${named(i)} ${i.instanceType}${acct(i)} ${i.region} cpu ${i.avgCpuPct}% ${money(i.estimatedMonthlyCost)}`);
  for (const v of r.unattachedVolumes.slice(0, 10))
    lines.push(`  volume   ${named(v)} ${v.volumeType} ${v.sizeGiB} GiB${acct(v)} ${v.region} ${money(v.estimatedMonthlyCost)}`);
  const more = r.idleInstances.length + r.unattachedVolumes.length - Math.min(10, r.idleInstances.length) - Math.min(10, r.unattachedVolumes.length);
  if (more > 0) lines.push(`  …and ${more} more (--json for all)`);
  if (r.findingsObject) lines.push(`findings: s3://${r.findingsObject.bucket}/${r.findingsObject.key}`);
  return lines.join('\n');
}

export const idleResourcesJob: JobDefinition<IdleResourcesResult> = {
  name: 'idle-resources',
  description: 'idle EC2 instances and unattached EBS volumes across accounts and regions, with monthly cost',
  run: (ctx, o) => runIdleLocally(ctx, { date: o.date }),
  summarize: summarizeIdleResources,
};
