import * as z from 'zod/mini';
import { configFromEnv } from '../shared/config/load.js';
import { DeliveryError } from '../shared/errors.js';
import { AwsClients, createContext } from '../shared/jobs/context.js';
import type { JobDefinition, JobResult } from '../shared/jobs/types.js';
import { jsonLogger } from '../shared/log.js';
import { deliveryVerdict } from '../shared/notify/verdict.js';
import { parseIsoDate, parseIsoMonth } from '../shared/time/dates.js';

/**
 * The scheduled EventBridge event carries nothing we need; a manual invoke may
 * set `date`, `month` or `dryRun` to re-run a past day, like the CLI flags.
 */
const eventSchema = z.looseObject({
  date: z.optional(z.string().check(z.refine((d) => parseIsoDate(d) !== undefined, { error: 'date: expected YYYY-MM-DD' }))),
  month: z.optional(z.string().check(z.refine((m) => parseIsoMonth(m) !== undefined, { error: 'month: expected YYYY-MM' }))),
  dryRun: z.optional(z.boolean()),
});

/**
 * Wraps a job as a Lambda handler. Config and clients are built once per
 * container. A failed delivery fails the invocation so that Lambda retries it
 * (the ledger makes the retry send only what is missing) and, after the last
 * retry, the event lands in the DLQ and the errors alarm fires.
 */
export function jobHandler<R extends JobResult>(job: JobDefinition<R>) {
  const log = jsonLogger();
  const config = configFromEnv();
  const aws = new AwsClients();
  return async (event: unknown): Promise<R> => {
    const input = eventSchema.parse(event ?? {});
    const ctx = createContext({ config, log, aws, dryRun: input.dryRun ?? false });
    const result = await job.run(ctx, { date: input.date, month: input.month });
    const byStatus: Record<string, number> = {};
    for (const d of result.deliveries) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    log.info(job.summarize(result), { job: job.name, deliveries: byStatus });
    const verdict = deliveryVerdict(result.deliveries);
    // Lambda retries a thrown error: worth it only when a retry can deliver something.
    // Sent-but-unrecorded alone is logged, not thrown: a retry could only send it again.
    if (verdict.exitCode === 3) throw new DeliveryError(`${job.name}: ${verdict.message}; the retry sends only those`);
    if (verdict.message) log.warn(`${job.name}: ${verdict.message}`, { job: job.name });
    return result;
  };
}
