import { regionOfArn } from '../aws/clients.js';
import { DEFAULT_SLACK_TOKEN_SECRET } from '../config/schema.js';
import type { JobContext } from '../jobs/context.js';
import { withAlertActions } from './actions.js';
import { targetOf } from './dispatch.js';
import { postWithinBudget } from './slack-post.js';
import { deliveryMetadata } from './slack-recover.js';
import { resolveSlackToken, type SlackMessage } from './slack.js';
import { runSlackBudget } from './time-budget.js';
import { publishSns, type SnsMessage } from './sns.js';
import type { Alert } from '../alerts/alert.js';
import type { Channel, SendInfo } from './types.js';

/**
 * The job's default Slack channel, or undefined when config has no notify.slack.
 * The token is resolved only when there is something to send.
 */
export function slackChannel<A extends Alert>(
  ctx: JobContext,
  render: (alerts: readonly A[]) => SlackMessage,
  accepts?: (alert: Alert) => boolean,
): Channel<A> | undefined {
  const slack = ctx.config.notify.slack;
  if (!slack) return undefined;
  return slackChannelTo(ctx, slack.channel, render, accepts);
}

/**
 * A Slack channel by name. Every channel uses the one bot token
 * (notify.slack.tokenSecretId, or its default secret when only routes name Slack channels).
 */
export function slackChannelTo<A extends Alert>(
  ctx: JobContext,
  destination: string,
  render: (alerts: readonly A[]) => SlackMessage,
  accepts?: (alert: Alert) => boolean,
  routed = false,
): Channel<A> {
  const secretId = ctx.config.notify.slack?.tokenSecretId ?? DEFAULT_SLACK_TOKEN_SECRET;
  const build = (alerts: readonly A[], info?: SendInfo) => withAlertActions(render(alerts), alerts, info?.muted ?? 0, targetOf({ name: 'slack', destination, routed }));
  return {
    name: 'slack',
    destination,
    routed,
    accepts,
    async send(alerts, info) {
      const token = await resolveSlackToken(() => ctx.aws.secrets, secretId, ctx.env);
      const message = { ...build(alerts, info), metadata: deliveryMetadata(destination, alerts.map((a) => a.alertId)) };
      return { message: await postWithinBudget(token, destination, message, ctx.slackBudget ?? runSlackBudget(ctx.env), {}, ctx.env) };
    },
    preview: (alerts, info) => ctx.preview?.({ channel: 'slack', destination, message: build(alerts, info) }),
  };
}

export function snsChannel<A extends Alert>(
  ctx: JobContext,
  topicArn: string | undefined,
  render: (alerts: readonly A[]) => SnsMessage,
  accepts?: (alert: Alert) => boolean,
  routed = false,
): Channel<A> | undefined {
  if (!topicArn) return undefined;
  return {
    name: 'sns',
    destination: topicArn,
    routed,
    accepts,
    send: (alerts) => publishSns(ctx.aws.sns(regionOfArn(topicArn)), topicArn, render(alerts)),
    preview: (alerts) => ctx.preview?.({ channel: 'sns', destination: topicArn, message: render(alerts) }),
  };
}

export function present<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((x): x is T => x !== undefined);
}
