import { regionOfArn } from '../aws/clients.js';
import type { JobContext } from '../jobs/context.js';
import { createSlackClient, postSlackMessage, resolveSlackToken, type SlackMessage } from './slack.js';
import { publishSns, type SnsMessage } from './sns.js';
import type { Alert, Channel } from './types.js';

/**
 * The Slack channel of a job, or undefined when config has no notify.slack.
 * The token is resolved only when there is something to send.
 */
export function slackChannel<A extends Alert>(
  ctx: JobContext,
  render: (alerts: readonly A[]) => SlackMessage,
  accepts?: (alert: Alert) => boolean,
): Channel<A> | undefined {
  const slack = ctx.config.notify.slack;
  if (!slack) return undefined;
  return {
    name: 'slack',
    accepts,
    async send(alerts) {
      const token = await resolveSlackToken(() => ctx.aws.secrets, slack.tokenSecretId, ctx.env);
      await postSlackMessage(createSlackClient(token, {}, ctx.env), slack.channel, render(alerts));
    },
  };
}

export function snsChannel<A extends Alert>(
  ctx: JobContext,
  topicArn: string | undefined,
  render: (alerts: readonly A[]) => SnsMessage,
  accepts?: (alert: Alert) => boolean,
): Channel<A> | undefined {
  if (!topicArn) return undefined;
  return {
    name: 'sns',
    accepts,
    send: (alerts) => publishSns(ctx.aws.sns(regionOfArn(topicArn)), topicArn, render(alerts)),
  };
}

export function present<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((x): x is T => x !== undefined);
}
