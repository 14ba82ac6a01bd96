import { mapLimit } from '../../concurrency.js';
import type { JobContext } from '../common/context.js';
import { planIdleScan, scanConcurrency, scanTasks, type IdlePlanOptions } from './plan.js';
import { reduceIdleScan, type IdleResourcesResult } from './reduce.js';
import { scanIdleTask } from './scan.js';

/** At most this many progress lines per run, however many pairs: enough to see it move, never a flood. */
const PROGRESS_LINES = 20;

/**
 * The CLI's engine: the same plan, scan and reduce functions the Step
 * Functions state machine runs, with the Distributed Map replaced by a bounded
 * in-process pool (`organization.concurrency`, else `idle.concurrency`).
 */
export async function runIdleLocally(ctx: JobContext, options: IdlePlanOptions = {}): Promise<IdleResourcesResult> {
  const plan = await planIdleScan(ctx, options);
  const tasks = scanTasks(plan);
  const concurrency = scanConcurrency(ctx);
  const total = plan.accounts.length * plan.regions.length;
  ctx.log.progress(
    `idle-resources: scanning ${tasks.length} account-region pair(s) (${plan.accounts.length} account(s) ` +
      `× ${plan.regions.length} region(s)), ${concurrency} at a time, window ${plan.window.start.slice(0, 10)} … ${plan.date}`,
  );
  const skipped = total - tasks.length; // accounts whose role could not be assumed
  const every = Math.max(1, Math.ceil(total / PROGRESS_LINES));
  let done = skipped;
  const outcomes = await mapLimit(tasks, concurrency, async (task) => {
    const outcome = await scanIdleTask(ctx, task);
    done++;
    if (done % every === 0 || done === total) ctx.log.progress(`scanned ${done}/${total} account-regions`);
    return outcome;
  });
  return reduceIdleScan(ctx, plan, outcomes);
}
