import * as z from 'zod/mini';
import { summarizeIdleResources } from '../../shared/jobs/idle-resources/job.js';
import { reduceIdleScan } from '../../shared/jobs/idle-resources/reduce.js';
import { loadMapOutcomes, loadPlan, resolveOutcome, withMissing } from '../../shared/jobs/idle-resources/run-store.js';
import { pointerSchema, stepContext, stepLog } from '../idle-steps.js';
import { enforceVerdict } from '../runtime.js';

const eventSchema = z.looseObject({
  plan: z.looseObject({ ...pointerSchema.shape, dryRun: z.optional(z.boolean()) }),
  map: z.looseObject({ ResultWriterDetails: z.object({ Bucket: z.string(), Key: z.string() }) }),
});

/**
 * Step 3: merges every pair, writes the findings JSON and dispatches the
 * alerts once. Returns a summary only (the full result is in S3): Step
 * Functions' 256 KiB state limit. A failed delivery fails the step so that the
 * state machine retries it; the ledger makes the retry send only what is missing.
 */
export async function handler(event: unknown) {
  const input = eventSchema.parse(event);
  const ctx = stepContext(input.plan.dryRun);
  const plan = await loadPlan(ctx, input.plan);
  const stored = await loadMapOutcomes(ctx, input.map.ResultWriterDetails);
  const outcomes = withMissing(plan, await Promise.all(stored.map((o) => resolveOutcome(ctx, o))));
  const result = await reduceIdleScan(ctx, plan, outcomes);
  const byStatus: Record<string, number> = {};
  for (const d of result.deliveries) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
  stepLog.info(summarizeIdleResources(result), { job: 'idle-resources', deliveries: byStatus });
  enforceVerdict('idle-resources', result.deliveries, stepLog);
  return {
    job: result.job,
    date: result.date,
    pairs: outcomes.length,
    regionErrors: result.regionErrors.length,
    accountErrors: result.accountErrors.length,
    idleInstances: result.idleInstances.length,
    unattachedVolumes: result.unattachedVolumes.length,
    estimatedMonthlySavings: result.estimatedMonthlySavings,
    findingsObject: result.findingsObject,
    deliveries: byStatus,
  };
}
