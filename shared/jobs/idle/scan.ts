import { cloudWatchClient, ec2Client } from '../../aws/clients.js';
import { averageCpu } from '../../aws/cpu-metrics.js';
import { listAvailableVolumes, listRunningInstances } from '../../aws/ec2.js';
import { errorMessage } from '../../aws/errors.js';
import { ScopeAccess, type Scope } from '../../aws/scopes.js';
import { evaluateRegion, isExempt, type RegionFindings } from '../../detect/idle.js';
import type { JobContext } from '../context.js';
import { idleWindow, type ScanTask } from './plan.js';

/**
 * Step 2 of 3: one (account, region). Never throws for the scope's own
 * failures: a denied or broken pair is an outcome the reduce step reports
 * (regionErrors), so one pair can never hide what the others found. The same
 * function runs in the CLI's pool and in the scan Lambda of the Distributed Map.
 */

export interface ScopeScanResult {
  /** Findings of the pair; each finding carries `account` in an organization. */
  readonly findings: RegionFindings;
  readonly requests: { describeInstances: number; describeVolumes: number; getMetricData: number };
}

export type ScanOutcome =
  | { readonly scope: Scope; readonly ok: true; readonly scan: ScopeScanResult }
  | { readonly scope: Scope; readonly ok: false; readonly message: string };

export async function scanIdleTask(ctx: JobContext, task: ScanTask): Promise<ScanOutcome> {
  const { scope } = task;
  try {
    const scan = await scanPair(ctx, new ScopeAccess(ctx, task.home), task);
    const f = scan.findings;
    ctx.log.progress(
      `idle-resources: ${where(scope)}: ${f.runningInstances} running, ${f.idleInstances.length} idle, ${f.noData} without CPU data, ${f.unattachedVolumes.length} unattached volumes`,
    );
    return { scope, ok: true, scan };
  } catch (err) {
    return { scope, ok: false, message: errorMessage(err) };
  }
}

export const where = (s: Scope) => (s.account ? `${s.accountName && s.accountName !== s.account ? `${s.accountName} (${s.account})` : s.account} ${s.region}` : s.region);

async function scanPair(ctx: JobContext, access: ScopeAccess, task: ScanTask): Promise<ScopeScanResult> {
  const { scope } = task;
  const rules = ctx.config.idle;
  const ec2 = access.client('ec2', scope, ec2Client);
  const cw = access.client('cloudwatch', scope, cloudWatchClient);
  const [instances, volumes] = await Promise.all([listRunningInstances(ec2, scope.region), listAvailableVolumes(ec2, scope.region)]);
  // Exempt instances are never queried: their CPU cannot change the answer.
  const candidates = instances.items.filter((i) => !isExempt(i.tags, rules.exemptTag)).map((i) => i.id);
  const cpu = await averageCpu(cw, scope.region, candidates, idleWindow(task.date, rules.lookbackDays));
  const found = evaluateRegion({ region: scope.region, instances: instances.items, cpu: cpu.byInstance, volumes: volumes.items }, rules);
  const account = scope.account ? { account: scope.account } : {};
  return {
    findings: {
      ...found,
      idleInstances: found.idleInstances.map((i) => ({ ...i, ...account })),
      unattachedVolumes: found.unattachedVolumes.map((v) => ({ ...v, ...account })),
    },
    requests: { describeInstances: instances.pages, describeVolumes: volumes.pages, getMetricData: cpu.requests },
  };
}
