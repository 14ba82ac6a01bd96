import * as z from 'zod/mini';
import { planIdleScan } from '../../shared/jobs/idle-resources/plan.js';
import { storePlan, type PlanPointer } from '../../shared/jobs/idle-resources/run-store.js';
import { isoDate, stepContext, stepLog } from '../idle-steps.js';

/** The state machine passes its execution name as runId, and its input: `{}` on schedule, `{ date, dryRun }` on a manual start. */
const eventSchema = z.looseObject({
  runId: z.string().check(z.minLength(1)),
  input: z._default(z.looseObject({ date: z.optional(isoDate), dryRun: z.optional(z.boolean()) }), {}),
});

/** Step 1: plans the (account, region) pairs and writes them to S3 for the Distributed Map's ItemReader. */
export async function handler(event: unknown): Promise<PlanPointer & { dryRun: boolean }> {
  const { runId, input } = eventSchema.parse(event);
  const ctx = stepContext(input.dryRun);
  const plan = await planIdleScan(ctx, { date: input.date });
  const pointer = await storePlan(ctx, plan, runId);
  stepLog.info(`idle-resources plan: ${plan.items.length} pairs, ${plan.accountErrors.length} account(s) not reachable`, { runId });
  return { ...pointer, dryRun: input.dryRun ?? false };
}
