import * as z from 'zod/mini';
import { configFromEnv } from '../shared/config/load.js';
import { DeliveryError } from '../shared/errors.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { createContext } from '../shared/jobs/common/context.js';
import type { JobDefinition, JobResult } from '../shared/jobs/common/types.js';
import type { Delivery } from '../shared/alerts/alert.js';
import { jsonLogger, type Logger } from '../shared/log.js';
import { deliveryVerdict } from '../shared/notify/verdict.js';
import { incompleteDayProblem, monthOf, parseIsoDate, parseIsoMonth, today } from '../shared/time/dates.js';

/**
 * The scheduled EventBridge event carries nothing we need; a manual invoke may
 * set `date`, `month`, `allowPartial` or `dryRun`, with the CLI's rules: a real
 * day no later than today (for daily-spend, a day Cost Explorer has whole: before
 * today), a month no later than this one, the current month only with allowPartial.
 */
const eventSchema = z.looseObject({
  date: z.optional(
    z
      .string({ error: 'date: expected a string YYYY-MM-DD' })
      .check(z.refine((d) => parseIsoDate(d) !== undefined, { error: 'date: expected a real calendar date as YYYY-MM-DD' })),
  ),
  month: z.optional(
    z
      .string({ error: 'month: expected a string YYYY-MM' })
      .check(z.refine((m) => parseIsoMonth(m) !== undefined, { error: 'month: expected a calendar month as YYYY-MM' })),
  ),
  allowPartial: z.optional(z.boolean({ error: 'allowPartial: expected true or false' })),
  dryRun: z.optional(z.boolean({ error: 'dryRun: expected true or false' })),
});

type RunEvent = z.output<typeof eventSchema>;

/** One line naming the field, or undefined when the event is fine. */
export function eventProblem(event: unknown, now: Date, job?: string): { problem: string } | { input: RunEvent } {
  const parsed = eventSchema.safeParse(event ?? {});
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => i.message).join('; ') };
  const input = parsed.data;
  const todayUtc = today(now);
  const thisMonth = monthOf(todayUtc);
  const incomplete = input.date && job === 'daily-spend' ? incompleteDayProblem(input.date, now) : undefined;
  if (incomplete) return { problem: `date: ${incomplete}` };
  if (input.date && input.date > todayUtc) return { problem: `date: expected a date no later than today (${todayUtc} UTC)` };
  if (input.month && input.month > thisMonth) return { problem: `month: expected a month no later than the current one (${thisMonth})` };
  if (input.month === thisMonth && !input.allowPartial)
    return { problem: `month: ${thisMonth} is not finished yet: add "allowPartial": true to report it anyway` };
  return { input };
}

/**
 * Lambda retries a thrown error: worth it only when a retry can deliver something.
 * Sent-but-unrecorded alone is logged, not thrown: a retry could only send it again.
 */
export function enforceVerdict(job: string, deliveries: readonly Delivery[], log: Logger): void {
  const verdict = deliveryVerdict(deliveries);
  if (verdict.exitCode === 3) throw new DeliveryError(`${job}: ${verdict.message}; the retry sends only those`);
  if (verdict.message) log.warn(`${job}: ${verdict.message}`, { job });
}

/**
 * Wraps a job as a Lambda handler. Config and clients are built once per
 * container. A failed delivery fails the invocation so that Lambda retries it
 * (the ledger makes the retry send only what is missing) and, after the last
 * retry, the event lands in the DLQ and the errors alarm fires.
 */
export function jobHandler<R extends JobResult>(job: JobDefinition<R>) {
  const log = jsonLogger();
  const config = configFromEnv();
  const aws = new AwsClients(process.env, job.clients);
  return async (event: unknown): Promise<R | { error: string }> => {
    const checked = eventProblem(event, new Date(), job.name);
    if ('problem' in checked) {
      // Returned, not thrown: Lambda would retry a thrown error twice into the DLQ, and this one cannot succeed.
      log.warn(`${job.name}: invalid event: ${checked.problem}`, { job: job.name, level: 'ERROR' });
      return { error: `invalid event: ${checked.problem}` };
    }
    const input = checked.input;
    const ctx = createContext({ config, log, aws, dryRun: input.dryRun ?? false });
    const result = await job.run(ctx, { date: input.date, month: input.month });
    const byStatus: Record<string, number> = {};
    for (const d of result.deliveries) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    log.info(job.summarize(result), { job: job.name, deliveries: byStatus });
    enforceVerdict(job.name, result.deliveries, log);
    return result;
  };
}
