import * as z from 'zod/mini';
import { storeOutcome, type StoredOutcome } from '../../shared/jobs/idle-resources/run-store.js';
import { scanIdleTask } from '../../shared/jobs/idle-resources/scan.js';
import { isoDate, scopeSchema, stepContext } from '../idle-steps.js';

/** One Distributed Map item: the scope from the item list, the rest from the ItemSelector. */
const eventSchema = z.looseObject({ scope: scopeSchema, home: z.nullable(z.string()), date: isoDate, runId: z.string() });

/** Step 2: scans one (account, region); a pair's own failure is an outcome, not an error (the reduce reports it). */
export async function handler(event: unknown): Promise<StoredOutcome> {
  const task = eventSchema.parse(event);
  const ctx = stepContext();
  return storeOutcome(ctx, await scanIdleTask(ctx, task), task.runId, task.date);
}
