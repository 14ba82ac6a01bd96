import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SNSClient } from '@aws-sdk/client-sns';
import { regionOfArn } from '../aws/clients/config.js';
import { DEFAULT_SLACK_TOKEN_SECRET, type CostWatchConfig } from '../config/schema.js';
import { withAlertActions } from './actions.js';
import { targetOf } from './dispatch.js';
import { postWithinBudget } from './slack-post.js';
import { deliveryMetadata } from './slack-recover.js';
import { resolveSlackToken, type SlackMessage } from './slack.js';
import { runSlackBudget, type TimeBudget } from './time-budget.js';
import { publishSns, type SnsMessage } from './sns.js';
import type { Alert } from '../alerts/alert.js';
import type { Channel, MessagePreview, SendInfo } from './types.js';

/** What channels need from the run: where alerts go, the clients that carry them, the Slack time budget and the environment. */
export interface ChannelDeps {
  readonly notify: CostWatchConfig['notify'];
  /** The Slack bot token's secret is read only when there is something to send. */
  readonly secrets: () => SecretsManagerClient;
  readonly sns: (region?: string) => SNSClient;
  /** The time every Slack call of this run shares. @default a fresh budget per message */
  readonly slackBudget?: TimeBudget;
  readonly env: NodeJS.ProcessEnv;
  /** --dry-run: what each channel would send, shown instead. */
  readonly preview?: (preview: MessagePreview) => void;
}

/**
 * The job's default Slack channel, or undefined when config has no notify.slack.
 * The token is resolved only when there is something to send.
 */
export function slackChannel<A extends Alert>(
  deps: ChannelDeps,
  render: (alerts: readonly A[]) => SlackMessage,
  accepts?: (alert: Alert) => boolean,
): Channel<A> | undefined {
  const slack = deps.notify.slack;
  if (!slack) return undefined;
  return slackChannelTo(deps, slack.channel, render, accepts);
}

/**
 * A Slack channel by name. Every channel uses the one bot token
 * (notify.slack.tokenSecretId, or its default secret when only routes name Slack channels).
 */
export function slackChannelTo<A extends Alert>(
  deps: ChannelDeps,
  destination: string,
  render: (alerts: readonly A[]) => SlackMessage,
  accepts?: (alert: Alert) => boolean,
  routed = false,
): Channel<A> {
  const secretId = deps.notify.slack?.tokenSecretId ?? DEFAULT_SLACK_TOKEN_SECRET;
  const build = (alerts: readonly A[], info?: SendInfo) =>
    withAlertActions(render(alerts), alerts, info?.muted ?? 0, targetOf({ name: 'slack', destination, routed }));
  return {
    name: 'slack',
    destination,
    routed,
    accepts,
    async send(alerts, info) {
      const token = await resolveSlackToken(deps.secrets, secretId, deps.env);
      const message = {
        ...build(alerts, info),
        metadata: deliveryMetadata(
          destination,
          alerts.map((a) => a.alertId),
        ),
      };
      return { message: await postWithinBudget(token, destination, message, deps.slackBudget ?? runSlackBudget(deps.env), {}, deps.env) };
    },
    preview: (alerts, info) => deps.preview?.({ channel: 'slack', destination, message: build(alerts, info) }),
  };
}

export function snsChannel<A extends Alert>(
  deps: ChannelDeps,
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
    send: (alerts) => publishSns(deps.sns(regionOfArn(topicArn)), topicArn, render(alerts)),
    preview: (alerts) => deps.preview?.({ channel: 'sns', destination: topicArn, message: render(alerts) }),
  };
}

export function present<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((x): x is T => x !== undefined);
}
