import { accountLabel } from '../../text/account-label.js';
import { callerAccountId } from '../../aws/account.js';
import { errorMessage } from '../../aws/errors.js';
import { ScopeAccess, type Scope } from '../../aws/scopes.js';
import { scanScope, scopeClients, type ScopeScan } from '../../waste/index.js';
import { memberRole, type JobContext } from '../common/context.js';
import { idleWindow, type ScanTask } from './plan.js';

/**
 * Step 2 of 3: one (account, region), every enabled waste rule through the
 * shared scanner (shared/waste/scan-scope.ts). Never throws for the scope's
 * own failures: a pair whose every listing failed is an outcome the reduce
 * step reports (regionErrors); a pair where only some listings failed scans
 * the other rules and reports the failed ones (ruleErrors). The same function
 * runs in the CLI's pool and in the scan Lambda of the Distributed Map.
 */

export type ScanOutcome =
  | { readonly scope: Scope; readonly ok: true; readonly scan: ScopeScan }
  | { readonly scope: Scope; readonly ok: false; readonly message: string };

export async function scanIdleTask(ctx: JobContext, task: ScanTask): Promise<ScanOutcome> {
  const { scope } = task;
  const idle = ctx.config.idle;
  try {
    const scan = await scanScope(scopeClients(new ScopeAccess(ctx.aws, memberRole(ctx), task.home ?? undefined), scope), scope, {
      rules: idle.rules,
      exemptTag: idle.exemptTag,
      cpuThresholdPct: idle.cpuThresholdPct,
      lookbackDays: idle.lookbackDays,
      window: idleWindow(task.date, idle.lookbackDays),
      now: ctx.now,
      ownership: { keys: ctx.config.ownership.tags, accountId: () => callerAccountId(ctx.aws, 'for the ARNs of untagged resources') },
    });
    const found = scan.byRule.filter((r) => r.findings).map((r) => `${r.findings} ${r.rule}`);
    ctx.log.progress(
      `idle-resources: ${where(scope)}: ${scan.runningInstances} running, ${scan.noData} without CPU data;` +
        ` ${found.join(', ') || 'no findings'}`,
    );
    for (const e of scan.ruleErrors) ctx.log.warn(`idle-resources: ${where(scope)}: rule ${e.rule} not checked: ${e.message}`);
    return { scope, ok: true, scan };
  } catch (err) {
    return { scope, ok: false, message: errorMessage(err) };
  }
}

export const where = (s: Scope) => (s.home ? s.region : `${accountLabel(s.id, s.name)} ${s.region}`);
