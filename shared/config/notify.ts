import * as z from 'zod/mini';
import { accountList, snsArn, withDefault } from './primitives.js';

/** Where alerts go: the default Slack channel and topics, and the routes by account (the contract's "Routing"). */

export const slackChannelName = z
  .string({ error: 'expected a channel name or id such as "#cost-alerts"' })
  .check(z.minLength(1, { error: 'expected a channel name or id such as "#cost-alerts"' }));

/** Part 2 routing: an alert about an account goes to the first route listing it (see the contract's "Routing"). */
const routeSchema = z
  .strictObject({
    accounts: accountList.check(z.minLength(1, { error: 'expected at least one account id' })),
    slack: z.optional(z.strictObject({ channel: slackChannelName })),
    alertTopicArn: z.optional(snsArn),
    continue: withDefault(z.boolean({ error: 'expected true or false' }), false),
  })
  .check(
    z.superRefine((route, ctx) => {
      if (!route.slack && !route.alertTopicArn)
        ctx.addIssue({ code: 'custom', path: [], message: 'expected at least one destination: slack or alertTopicArn', input: route });
    }),
  );
export type RouteConfig = z.output<typeof routeSchema>;

/** The Slack token's secret when `notify.slack.tokenSecretId` is not given; route channels use it too. */
export const DEFAULT_SLACK_TOKEN_SECRET = 'cost-watch/slack-bot-token';

export const notifySchema = z
  .strictObject({
    slack: z.optional(
      z.strictObject({
        channel: slackChannelName,
        tokenSecretId: withDefault(
          z.string().check(z.minLength(1, { error: 'expected a Secrets Manager secret name or ARN' })),
          DEFAULT_SLACK_TOKEN_SECRET,
        ),
        /**
         * Extra key: the Slack app's signing secret, for the actions endpoint
         * (SLACK_SIGNING_SECRET overrides it). @default cost-watch/slack-signing-secret
         */
        signingSecretId: z.optional(z.string().check(z.minLength(1, { error: 'expected a Secrets Manager secret name or ARN' }))),
      }),
    ),
    alertTopicArn: z.optional(snsArn),
    reportTopicArn: z.optional(snsArn),
    routes: withDefault(z.array(routeSchema, { error: 'expected an array of routes { accounts, slack?, alertTopicArn?, continue? }' }), []),
  })
  .check(
    // An account no route lists (one added to the organization later) must still reach someone.
    z.superRefine((v, ctx) => {
      if (v.routes.length && !v.slack && !v.alertTopicArn)
        ctx.addIssue({
          code: 'custom',
          path: [],
          message:
            'expected a default destination (notify.slack or notify.alertTopicArn) beside notify.routes: alerts about accounts ' +
            'no route lists go there',
          input: v,
        });
    }),
  );
