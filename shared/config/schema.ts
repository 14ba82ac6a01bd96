import { z } from 'zod';

/**
 * The config file, exactly as ../CONTRACT keys it. Every key is optional and
 * unknown keys are rejected (`strictObject`), so a typo fails loudly at
 * validate-config or synth time instead of silently using a default.
 */

const pct = (max = 1000) => z.number({ error: 'expected a number' }).positive('expected a number above 0').max(max, `expected at most ${max}`);
const money = z.number({ error: 'expected a number' }).nonnegative('expected a number of at least 0');

export const SEVERITIES = ['info', 'warning', 'critical', 'emergency'] as const;
export type Severity = (typeof SEVERITIES)[number];

const threshold = z.strictObject({
  pct: z.number({ error: 'expected a number' }).min(1, 'expected a percent from 1 to 1000').max(1000, 'expected a percent from 1 to 1000'),
  severity: z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }),
});

/** Tiers must be strictly ascending so "the highest crossed" is well defined. */
const thresholds = (fallback: { pct: number; severity: Severity }[]) =>
  z
    .array(threshold, { error: 'expected an array of { pct, severity }' })
    .min(1, 'expected at least one threshold')
    .superRefine((list, ctx) => {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!.pct;
        const cur = list[i]!.pct;
        if (cur === prev) ctx.addIssue({ code: 'custom', path: [i, 'pct'], message: `duplicate threshold ${cur}%` });
        else if (cur < prev)
          ctx.addIssue({ code: 'custom', path: [i, 'pct'], message: `expected thresholds in ascending order, but ${cur}% follows ${prev}%` });
      }
    })
    .default(fallback);

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SCHEDULE = /^(rate|cron)\(.+\)$/;
const schedule = z.string().regex(SCHEDULE, 'expected an EventBridge expression such as "cron(0 10 * * ? *)" or "rate(8 hours)"');

export const dailySpendSchema = z
  .strictObject({
    warningPct: pct().default(20),
    criticalPct: pct().default(50),
    minDelta: money.default(10),
    metric: z
      .enum(['UnblendedCost', 'BlendedCost', 'AmortizedCost', 'NetUnblendedCost', 'NetAmortizedCost'], {
        error: 'expected one of UnblendedCost, BlendedCost, AmortizedCost, NetUnblendedCost, NetAmortizedCost',
      })
      .default('UnblendedCost'),
    baseline: z
      .enum(['previous-day', 'same-weekday', 'median-7'], { error: 'expected one of previous-day, same-weekday, median-7' })
      .default('previous-day'),
    recheckDays: z.number({ error: 'expected a number' }).int('expected a whole number').min(0, 'expected 0 or more').max(14, 'expected at most 14').default(2),
  })
  .superRefine((v, ctx) => {
    if (v.criticalPct < v.warningPct)
      ctx.addIssue({
        code: 'custom',
        path: ['criticalPct'],
        message: `expected criticalPct (${v.criticalPct}) to be at least warningPct (${v.warningPct})`,
      });
  });

export const idleSchema = z.strictObject({
  regions: z
    .union([z.literal('all'), z.array(z.string().regex(AWS_REGION, 'expected an AWS region name such as "us-east-1"')).min(1, 'expected at least one region')], {
      error: 'expected "all" or an array of region names',
    })
    .default(['us-east-1']),
  cpuThresholdPct: pct(100).default(5),
  lookbackDays: z.number({ error: 'expected a number' }).int('expected a whole number').min(1, 'expected 1 or more').max(63, 'expected at most 63 (CloudWatch keeps 1-hour data 63 days)').default(14),
  exemptTag: z.string().min(1, 'expected a tag key').default('cost-watch:ignore'),
  concurrency: z.number().int().min(1).max(32).default(4),
});

export const budgetsSchema = z.strictObject({
  accountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id').optional(),
  actualThresholds: thresholds([
    { pct: 50, severity: 'info' },
    { pct: 75, severity: 'warning' },
    { pct: 90, severity: 'critical' },
    { pct: 100, severity: 'emergency' },
  ]),
  forecastThresholds: thresholds([{ pct: 100, severity: 'warning' }]),
  /** Slack mention added to emergency alerts; "" turns it off. */
  emergencyMention: z.string().default('<!here>'),
});

export const reportSchema = z.strictObject({
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name').optional(),
  prefix: z.string().default('reports/'),
  groupByTags: z.array(z.string().min(1, 'expected a tag key')).max(5, 'expected at most 5 tag keys').default([]),
  emails: z.array(z.email('expected an email address')).default([]),
});

const snsArn = z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, 'expected an SNS topic ARN');

export const notifySchema = z.strictObject({
  slack: z
    .strictObject({
      channel: z.string({ error: 'expected a channel name or id such as "#cost-alerts"' }).min(1, 'expected a channel name or id such as "#cost-alerts"'),
      tokenSecretId: z.string().min(1, 'expected a Secrets Manager secret name or ARN').default('cost-watch/slack-bot-token'),
    })
    .optional(),
  alertTopicArn: snsArn.optional(),
  reportTopicArn: snsArn.optional(),
});

export const schedulesSchema = z.strictObject({
  dailySpend: schedule.default('cron(0 10 * * ? *)'),
  idleResources: schedule.default('cron(0 8 ? * MON *)'),
  budgets: schedule.default('rate(8 hours)'),
  monthlyReport: schedule.default('cron(0 9 3 * ? *)'),
});

export const configSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code such as "USD"').default('USD'),
  dailySpend: dailySpendSchema.default(() => dailySpendSchema.parse({})),
  idle: idleSchema.default(() => idleSchema.parse({})),
  budgets: budgetsSchema.default(() => budgetsSchema.parse({})),
  report: reportSchema.default(() => reportSchema.parse({})),
  notify: notifySchema.default(() => notifySchema.parse({})),
  ledgerTable: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'expected a DynamoDB table name').optional(),
  /** Extra key (not in the contract): EventBridge schedules the stack deploys. */
  schedules: schedulesSchema.default(() => schedulesSchema.parse({})),
});

export type CostWatchConfig = z.output<typeof configSchema>;
export type CostWatchConfigInput = z.input<typeof configSchema>;
