import * as z from 'zod/mini';
import { knownRegion, money, pct, withDefault } from './primitives.js';

/**
 * Budget actions (contract Part 3): what cost-watch may change when a budget
 * crosses a percent, and who approves it. Everything an action touches is
 * named here, so validate-config and synth show it before any run can act.
 */

export const ACTION_TYPES = ['set-parameter', 'scale-down', 'cap-autoscaling', 'deny-new-resources'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

const nonEmpty = (what: string) => z.string({ error: `expected ${what}` }).check(z.minLength(1, { error: `expected ${what}` }));

/** `{ "env": ["dev", "staging"] }`: every key must match (AND), any listed value of a key (OR). */
const tagsSchema = z
  .record(
    nonEmpty('a tag key'),
    z
      .array(z.string({ error: 'expected a tag value' }), { error: 'expected an array of tag values, such as ["dev", "staging"]' })
      .check(z.minLength(1, { error: 'expected at least one tag value' })),
    { error: 'expected tags as { "<key>": ["<value>", …] }' },
  )
  .check(
    z.refine((t) => Object.keys(t).length > 0, {
      error: 'expected at least one tag key: without tags the action would touch every resource',
    }),
  );

const SSM_NAME = /^\/?[A-Za-z0-9_.\-/]{1,1011}$/;
const setParameter = z.strictObject({
  type: z.literal('set-parameter'),
  name: z.string({ error: 'expected an SSM parameter name such as "/app/flags/non-critical"' }).check(
    z.regex(SSM_NAME, { error: 'expected an SSM parameter name such as "/app/flags/non-critical" (letters, digits, _.-/)' }),
    z.refine((n) => !/^\/?(aws|ssm)/i.test(n), { error: 'expected a name not beginning with "aws" or "ssm" (reserved by AWS)' }),
  ),
  value: nonEmpty('the value to set, such as "off"'),
  /** Extra key: the parameter's region. @default the region the job runs in */
  region: z.optional(knownRegion('us-east-1')),
});
const scaleDown = z.strictObject({ type: z.literal('scale-down'), tags: tagsSchema });
const capAutoscaling = z.strictObject({ type: z.literal('cap-autoscaling'), tags: tagsSchema });
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const denyNewResources = z.strictObject({
  type: z.literal('deny-new-resources'),
  /** Outside an organization: the IAM roles the deny policy is attached to. */
  roles: z.optional(
    z
      .array(
        z
          .string({ error: 'expected an IAM role name' })
          .check(z.regex(ROLE_NAME, { error: 'expected an IAM role name (1-64 of letters, digits and +=,.@_-)' })),
        { error: 'expected an array of IAM role names' },
      )
      .check(z.minLength(1, { error: 'expected at least one role name' })),
  ),
});

export const actionDoSchema = z.discriminatedUnion('type', [setParameter, scaleDown, capAutoscaling, denyNewResources], {
  error: `expected type one of ${ACTION_TYPES.join(', ')}`,
});
export type ActionDo = z.output<typeof actionDoSchema>;

export const budgetActionSchema = z.strictObject({
  id: z
    .string({ error: 'expected an action id such as "dev-down"' })
    .check(
      z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'expected an action id of 1-64 letters, digits, _ and - such as "dev-down"' }),
    ),
  atPct: pct(),
  on: withDefault(z.enum(['actual', 'forecast'], { error: 'expected "actual" or "forecast"' }), 'actual'),
  budgets: z.optional(
    z
      .array(nonEmpty('a budget name'), { error: 'expected an array of budget names' })
      .check(z.minLength(1, { error: 'expected at least one budget name' })),
  ),
  /** Overrides budgets.restoreAtPeriodEnd for this action. */
  restoreAtPeriodEnd: z.optional(z.boolean({ error: 'expected true or false' })),
  do: actionDoSchema,
});
export type BudgetActionConfig = z.output<typeof budgetActionSchema>;

const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;
const approverTierSchema = z.strictObject({
  upTo: z.optional(money.check(z.positive({ error: 'expected an amount above 0' }))),
  slackUsers: z
    .array(
      z.string({ error: 'expected a Slack user id' }).check(z.regex(SLACK_USER, { error: 'expected a Slack user id such as "U0LEAD"' })),
      {
        error: 'expected an array of Slack user ids',
      },
    )
    .check(z.minLength(1, { error: 'expected at least one Slack user id' })),
});
export type ApproverTier = z.output<typeof approverTierSchema>;

/** Tiers ascend by `upTo`; the last has none (it approves any amount, and what has no estimate). */
const approversSchema = z.array(approverTierSchema, { error: 'expected an array of { upTo?, slackUsers }' }).check(
  z.minLength(1, { error: 'expected at least one approvers tier' }),
  z.superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      const last = i === tiers.length - 1;
      if (last && t.upTo !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'upTo'],
          input: t.upTo,
          message: 'expected no upTo on the last tier: it approves any amount',
        });
      if (!last && t.upTo === undefined)
        ctx.addIssue({ code: 'custom', path: [i, 'upTo'], input: t, message: 'expected an upTo on every tier but the last' });
      const prev = tiers[i - 1]?.upTo;
      if (i > 0 && t.upTo !== undefined && prev !== undefined && t.upTo <= prev)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'upTo'],
          input: t.upTo,
          message: `expected tiers in increasing upTo, but ${t.upTo} follows ${prev}`,
        });
    });
  }),
);

/** The keys budgetsSchema gains (see schema.ts). */
export const budgetActionKeys = {
  actions: withDefault(z.array(budgetActionSchema, { error: 'expected an array of { id, atPct, do }' }), []),
  approval: withDefault(z.enum(['slack', 'auto'], { error: 'expected "slack" or "auto"' }), 'slack'),
  approvers: z.optional(approversSchema),
  restoreAtPeriodEnd: withDefault(z.boolean({ error: 'expected true or false' }), true),
};

interface ActionsInput {
  readonly actions: readonly BudgetActionConfig[];
  readonly approval: 'slack' | 'auto';
  readonly approvers?: readonly ApproverTier[];
}

/** Cross-key rules of budgets.* (ids unique, approvers where Slack approves). */
export function budgetActionIssues(b: ActionsInput): z.core.$ZodRawIssue[] {
  const issues: z.core.$ZodRawIssue[] = [];
  const seen = new Map<string, number>();
  b.actions.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined)
      issues.push({
        code: 'custom',
        path: ['actions', i, 'id'],
        input: a.id,
        message: `duplicate action id "${a.id}" (also actions[${first}])`,
      });
    else seen.set(a.id, i);
  });
  if (b.actions.length && b.approval === 'slack' && !b.approvers)
    issues.push({
      code: 'custom',
      path: ['approvers'],
      input: undefined,
      message:
        'expected approvers tiers ([{ "upTo": 500, "slackUsers": ["U…"] }, …, { "slackUsers": ["U…"] }]) when actions are approved in Slack',
    });
  return issues;
}

/** deny-new-resources outside an organization attaches an IAM policy: it needs the roles to attach it to. */
export function denyRolesIssues(actions: readonly BudgetActionConfig[], organization: boolean): z.core.$ZodRawIssue[] {
  if (organization) return [];
  return actions.flatMap((a, i) =>
    a.do.type === 'deny-new-resources' && !a.do.roles
      ? [
          {
            code: 'custom' as const,
            path: ['budgets', 'actions', i, 'do', 'roles'],
            input: undefined,
            message: 'expected the IAM role names to attach the deny policy to (without organization there is no SCP)',
          },
        ]
      : [],
  );
}
