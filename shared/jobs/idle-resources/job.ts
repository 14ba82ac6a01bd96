import { CLIENTS } from './clients.js';
import { countOf, formatMoney } from '../../format.js';
import type { JobDefinition } from '../common/types.js';
import { runIdleLocally } from './run-local.js';
import type { IdleResourcesResult } from './reduce.js';

export { idleAlertId, idleSubject } from './alerts.js';
export { planIdleScan, scanTasks, type IdlePlan, type ScanTask } from './plan.js';
export { scanIdleTask, type ScanOutcome } from './scan.js';
export { findingsKey, reduceIdleScan, type IdleResourcesResult, type RegionSummary } from './reduce.js';
export { runIdleLocally as runIdleResources } from './run-local.js';

export function summarizeIdleResources(r: IdleResourcesResult): string {
  const pairs = r.regions.length * (r.accounts?.length ?? 1);
  const lines = [
    `idle-resources ${r.date} (week of ${r.weekStart}): ${countOf(r.findings.length, 'finding')}, ` +
      `about ${formatMoney(r.estimatedMonthlySavings, r.currency)}/month; ${countOf(r.noData, 'instance')} without CPU data;` +
      ` ${r.byRegion.length}/${pairs} ${r.accounts ? 'account-regions' : 'regions'} scanned`,
  ];
  const where = (x: { account?: string | null; region: string }) => `${x.account ? `${x.account} ` : ''}${x.region}`;
  for (const e of r.accountErrors) lines.push(`  NOT SCANNED account ${e.account}: ${e.message}`);
  for (const e of r.regionErrors) lines.push(`  NOT SCANNED ${where(e)}: ${e.message}`);
  for (const e of r.ruleErrors) lines.push(`  NOT CHECKED ${e.rule} in ${where(e)}: ${e.message}`);
  const money = (c: number | null) => (c === null ? 'price unknown' : `${formatMoney(c, r.currency)}/month`);
  for (const g of r.byRule) {
    if (!g.findings) continue;
    lines.push(
      `  ${g.rule}: ${g.findings},` +
        ` ${formatMoney(g.estimatedMonthlyCost, r.currency)}/month${g.unpriced ? ` + ${g.unpriced} unpriced` : ''} · ${g.action}`,
    );
    for (const f of r.findings.filter((x) => x.rule === g.rule).slice(0, 5))
      lines.push(`    ${f.id}${f.name ? ` (${f.name})` : ''} ${f.detail} · ${where(f)} · ${money(f.estimatedMonthlyCost)}`);
    if (g.findings > 5) lines.push(`    …and ${g.findings - 5} more (--json for all)`);
  }
  if (r.findingsObject) lines.push(`findings: s3://${r.findingsObject.bucket}/${r.findingsObject.key}`);
  return lines.join('\n');
}

export const idleResourcesJob: JobDefinition<IdleResourcesResult> = {
  clients: CLIENTS,
  name: 'idle-resources',
  description:
    'waste across accounts and regions (idle or stopped instances, unattached, gp2 and orphaned storage, Elastic IPs, NAT ' +
    'gateways, load balancers, databases), priced',
  run: (ctx, o) => runIdleLocally(ctx, { date: o.date }),
  summarize: summarizeIdleResources,
};
