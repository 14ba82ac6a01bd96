import * as z from 'zod/mini';
import { rulesConfigSchema } from './waste-rules.js';
import { int, knownRegion, money, num, pct, withDefault } from './primitives.js';
import { notifySchema } from './notify.js';
import { organizationSchema } from './organization.js';
import { leverKeys } from './levers.js';
import { ownershipSchema } from './ownership.js';
import { reviewIssues, reviewKeys } from './review.js';
import { scheduleProblem } from './schedule.js';
import { unitCostSchema } from './unit-cost.js';
import { containersSchema } from './containers.js';
import { budgetActionIssues, budgetActionKeys, denyRolesIssues } from './budget-actions.js';

export { organizationSchema } from './organization.js';
export { ownershipSchema, type OwnershipConfig, type TeamDestination } from './ownership.js';
export { DEFAULT_SLACK_TOKEN_SECRET, notifySchema, type RouteConfig } from './notify.js';
export { UNIT_STATS, unitCostSchema, unitMetricSchema, type UnitCostConfig, type UnitMetric } from './unit-cost.js';

/**
 * The config file, exactly as the contract keys it. Every key is optional and
 * unknown keys are rejected (`strictObject`), so a typo fails loudly at
 * validate-config or synth time instead of silently using a default.
 *
 * zod/mini rather than zod: the same validation at a twentieth of the bundle
 * size, which every Lambda cold start pays for.
 */

export const SEVERITIES = ['info', 'warning', 'critical', 'emergency'] as const;
export type Severity = (typeof SEVERITIES)[number];

const threshold = z.strictObject({
  pct: num().check(z.gte(1, { error: 'expected a percent from 1 to 1000' }), z.lte(1000, { error: 'expected a percent from 1 to 1000' })),
  severity: z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }),
});
type Threshold = z.output<typeof threshold>;

/** Tiers must be strictly ascending so "the highest crossed" is well defined. */
const thresholds = (fallback: Threshold[]) =>
  withDefault(
    z.array(threshold, { error: 'expected an array of { pct, severity }' }).check(
      z.minLength(1, { error: 'expected at least one threshold' }),
      z.superRefine((list, ctx) => {
        for (let i = 1; i < list.length; i++) {
          const prev = list[i - 1]!.pct;
          const cur = list[i]!.pct;
          if (cur === prev) ctx.addIssue({ code: 'custom', path: [i, 'pct'], message: `duplicate threshold ${cur}%`, input: cur });
          else if (cur < prev)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'pct'],
              message: `expected thresholds in ascending order, but ${cur}% follows ${prev}%`,
              input: cur,
            });
        }
      }),
    ),
    fallback,
  );

/** Prefixes the stack keeps for itself in the report bucket (findings expire, run state is transient). */
const RESERVED_PREFIXES = ['findings/', 'idle-runs/'];
const schedule = z
  .string({ error: 'expected a string' })
  .check(z.refine((s) => scheduleProblem(s) === null, { error: (i) => `${scheduleProblem(String(i.input))}` }));

export const dailySpendSchema = z
  .strictObject({
    warningPct: withDefault(pct(), 20),
    criticalPct: withDefault(pct(), 50),
    minDelta: withDefault(money, 10),
    metric: withDefault(
      z.enum(['UnblendedCost', 'BlendedCost', 'AmortizedCost', 'NetUnblendedCost', 'NetAmortizedCost'], {
        error: 'expected one of UnblendedCost, BlendedCost, AmortizedCost, NetUnblendedCost, NetAmortizedCost',
      }),
      'UnblendedCost',
    ),
    baseline: withDefault(
      z.enum(['seasonal', 'previous-day', 'same-weekday', 'median-7'], {
        error: 'expected one of seasonal, previous-day, same-weekday, median-7',
      }),
      'seasonal',
    ),
    recheckDays: withDefault(int().check(z.gte(0, { error: 'expected 0 or more' }), z.lte(14, { error: 'expected at most 14' })), 2),
    /** AWS Cost Anomaly Detection findings merged into the alerts: one GetAnomalies request per run. @default false */
    anomalies: z.optional(z.boolean({ error: 'expected true or false' })),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.criticalPct < v.warningPct)
        ctx.addIssue({
          code: 'custom',
          path: ['criticalPct'],
          message: `expected criticalPct (${v.criticalPct}) to be at least warningPct (${v.warningPct})`,
          input: v.criticalPct,
        });
    }),
  );

export const idleSchema = z.strictObject({
  regions: withDefault(
    z.union([z.literal('all'), z.array(knownRegion('us-east-1')).check(z.minLength(1, { error: 'expected at least one region' }))], {
      error: 'expected "all" or an array of region names',
    }),
    ['us-east-1'],
  ),
  cpuThresholdPct: withDefault(pct(100), 5),
  lookbackDays: withDefault(
    int().check(
      z.gte(1, { error: 'expected 1 or more' }),
      z.lte(63, { error: 'expected at most 63 (CloudWatch keeps 1-hour data 63 days)' }),
    ),
    14,
  ),
  exemptTag: withDefault(z.string().check(z.minLength(1, { error: 'expected a tag key' })), 'cost-watch:ignore'),
  /** Extra key: regions scanned at once. */
  concurrency: withDefault(int().check(z.gte(1, { error: 'expected 1 or more' }), z.lte(32, { error: 'expected at most 32' })), 4),
  /** `idle.rules.<rule>`: `{ enabled, …options }` per waste rule; each rule's options in ./waste-rules.ts. */
  rules: z._default(rulesConfigSchema, () => rulesConfigSchema.parse({})),
});

export const budgetsSchema = z
  .strictObject({
    accountId: z.optional(z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account id' }))),
    actualThresholds: thresholds([
      { pct: 50, severity: 'info' },
      { pct: 75, severity: 'warning' },
      { pct: 90, severity: 'critical' },
      { pct: 100, severity: 'emergency' },
    ]),
    forecastThresholds: thresholds([{ pct: 100, severity: 'warning' }]),
    /** Extra key: Slack mention added to emergency alerts; "" turns it off. */
    emergencyMention: withDefault(z.string(), '<!here>'),
    /** actions, approval, approvers, restoreAtPeriodEnd: see ./budget-actions.ts. */
    ...budgetActionKeys,
  })
  .check(z.superRefine((v, ctx) => budgetActionIssues(v).forEach((i) => ctx.addIssue(i))));

/**
 * The finance email through SES. `from` must be an SES-verified address (or in
 * a verified domain); SES takes at most 50 recipients per message.
 */
export const reportEmailSchema = z.strictObject({
  from: z.email({ error: 'expected the sender email address, an identity verified in SES, such as "costs@example.com"' }),
  to: z
    .array(z.email({ error: 'expected a recipient email address such as "finance@example.com"' }), {
      error: 'expected an array of recipient email addresses',
    })
    .check(
      z.minLength(1, { error: 'expected at least one recipient' }),
      z.maxLength(50, { error: 'expected at most 50 recipients (the SES limit per message)' }),
    ),
  region: z.optional(knownRegion('eu-west-1')),
});
export type ReportEmailConfig = z.output<typeof reportEmailSchema>;

export const reportSchema = z
  .strictObject({
    bucket: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'expected an S3 bucket name' }))),
    prefix: withDefault(
      z.string({ error: 'expected a key prefix such as "reports/"' }).check(
        z.regex(/^[A-Za-z0-9!_.*'()-][A-Za-z0-9!_.*'()/-]*\/$/, {
          error: 'expected a non-empty key prefix ending in "/" (letters, digits and !_.*\'()- only), such as "reports/"',
        }),
        z.refine((p) => p === '' || !RESERVED_PREFIXES.some((r) => p.startsWith(r) || r.startsWith(p)), {
          error: (i) =>
            `"${String(i.input)}" overlaps ${RESERVED_PREFIXES.map((r) => `"${r}"`).join(' or ')}, which the stack keeps for ` +
            `itself: choose another prefix such as "reports/"`,
        }),
      ),
      'reports/',
    ),
    groupByTags: withDefault(
      z
        .array(z.string().check(z.minLength(1, { error: 'expected a tag key' })))
        .check(z.maxLength(5, { error: 'expected at most 5 tag keys' })),
      [],
    ),
    emails: withDefault(z.array(z.email({ error: 'expected an email address' })), []),
    email: z.optional(reportEmailSchema),
    ...reviewKeys,
    ...leverKeys,
  })
  .check(z.superRefine((v, ctx) => reviewIssues(v).forEach((i) => ctx.addIssue(i))));

/** Extra key (not in the contract): EventBridge schedules the stack deploys. */
export const schedulesSchema = z.strictObject({
  dailySpend: withDefault(schedule, 'cron(0 10 * * ? *)'),
  idleResources: withDefault(schedule, 'cron(0 8 ? * MON *)'),
  budgets: withDefault(schedule, 'rate(8 hours)'),
  monthlyReport: withDefault(schedule, 'cron(0 9 3 * ? *)'),
});

const section = <T extends z.ZodMiniType>(schema: T) => z._default(schema, () => schema.parse({}) as never);

export const configSchema = z
  .strictObject({
    currency: withDefault(z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'expected a 3-letter currency code such as "USD"' })), 'USD'),
    dailySpend: section(dailySpendSchema),
    idle: section(idleSchema),
    budgets: section(budgetsSchema),
    report: section(reportSchema),
    notify: section(notifySchema),
    organization: z.optional(organizationSchema),
    ledgerTable: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/, { error: 'expected a DynamoDB table name' }))),
    schedules: section(schedulesSchema),
    unitCost: z.optional(unitCostSchema),
    /** Kubernetes cost from the CUR 2.0 export (monthly-report): see ./containers.ts. */
    containers: z.optional(containersSchema),
    ownership: section(ownershipSchema),
  })
  .check(z.superRefine((v, ctx) => denyRolesIssues(v.budgets.actions, v.organization !== undefined).forEach((i) => ctx.addIssue(i))));

export type CostWatchConfig = z.output<typeof configSchema>;
export type OrganizationConfig = z.output<typeof organizationSchema>;
export type DailySpendConfig = z.output<typeof dailySpendSchema>;
export type CostWatchConfigInput = z.input<typeof configSchema>;
