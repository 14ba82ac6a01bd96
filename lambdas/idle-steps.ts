import * as z from 'zod/mini';
import { configFromEnv } from '../shared/config/load.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { createContext, type JobContext } from '../shared/jobs/common/context.js';
import { CLIENTS as IDLE_CLIENTS } from '../shared/jobs/idle-resources/clients.js';
import { jsonLogger } from '../shared/log.js';
import { parseIsoDate } from '../shared/time/dates.js';

/**
 * What the three idle-resources step functions (plan, scan, reduce) share:
 * config and clients built once per container, a context per invocation.
 * Each handler only parses its event and calls its shared step.
 */
const log = jsonLogger();
const config = configFromEnv();
const aws = new AwsClients(process.env, IDLE_CLIENTS);

export const stepContext = (dryRun = false): JobContext => createContext({ config, log, aws, dryRun });
export { log as stepLog };

export const isoDate = z.string().check(z.refine((d) => parseIsoDate(d) !== undefined, { error: 'expected YYYY-MM-DD' }));
const accountId = z.string().check(z.regex(/^\d{12}$/));
/** A Scope: the home account of a single-account config, or an organization account by id. */
export const scopeSchema = z.union([
  z.object({ home: z.literal(true), region: z.string() }),
  z.object({ home: z.literal(false), id: accountId, name: z.string(), region: z.string() }),
]);
/** The id of the organization account the run's job runs in; null in a single-account config (nothing looked up). */
const home = z.nullable(accountId);
export const pointerSchema = z.object({
  bucket: z.string(),
  planKey: z.string(),
  itemsKey: z.string(),
  items: z.number(),
  home,
  date: isoDate,
  runId: z.string(),
});
