import type { CostWatchConfig } from '../config/schema.js';
import type { JobContext } from '../jobs/context.js';
import { slackChannelTo, snsChannel } from './channels.js';
import type { SlackMessage } from './slack.js';
import type { SnsMessage } from './sns.js';
import type { Alert, Channel, ChannelName } from './types.js';

/** Where one alert goes: Slack channels and alert topic ARNs. */
export interface Destinations {
  readonly slack: readonly string[];
  readonly topics: readonly string[];
}

/**
 * The contract's routing rule. An alert about an account goes to the first
 * route listing it; on to the next matching route only while each matched
 * route has `continue`; to the default destinations only if no matched route
 * stopped it. No account (a single-account config, an organization total): the defaults.
 */
export function destinationsOf(account: string | null, notify: CostWatchConfig['notify']): Destinations {
  const slack = new Set<string>();
  const topics = new Set<string>();
  let toDefault = true;
  if (account !== null)
    for (const route of notify.routes) {
      if (!route.accounts.includes(account)) continue;
      if (route.slack) slack.add(route.slack.channel);
      if (route.alertTopicArn) topics.add(route.alertTopicArn);
      if (!route.continue) {
        toDefault = false;
        break;
      }
    }
  if (toDefault) {
    if (notify.slack) slack.add(notify.slack.channel);
    if (notify.alertTopicArn) topics.add(notify.alertTopicArn);
  }
  return { slack: [...slack], topics: [...topics] };
}

export interface AlertRenderers<A extends Alert> {
  readonly slack: (alerts: readonly A[]) => SlackMessage;
  readonly sns: (alerts: readonly A[]) => SnsMessage;
  /** A job's own channel rules (budgets send `info` to Slack only), applied before routing. */
  readonly accepts?: Partial<Record<ChannelName, (alert: Alert) => boolean>>;
}

/**
 * A job's alert channels, one per destination: the default Slack channel and
 * alert topic plus every route's. Each takes only the alerts routed to it, so
 * dispatch stays per channel, a Slack channel gets one message per run, and
 * the ledger guards each (alert, channel, destination).
 */
export function alertChannels<A extends Alert>(ctx: JobContext, r: AlertRenderers<A>): Channel<A>[] {
  const notify = ctx.config.notify;
  const memo = new Map<string | null, Destinations>();
  const routed = (a: Alert): Destinations => {
    const account = a.subject.account;
    let d = memo.get(account);
    if (!d) memo.set(account, (d = destinationsOf(account, notify)));
    return d;
  };
  const takes = (name: ChannelName, to: (d: Destinations) => readonly string[], destination: string) => (a: Alert) =>
    (r.accepts?.[name]?.(a) ?? true) && to(routed(a)).includes(destination);

  const slack = unique([notify.slack?.channel, ...notify.routes.map((x) => x.slack?.channel)]).map((channel) =>
    slackChannelTo(ctx, channel, r.slack, takes('slack', (d) => d.slack, channel), channel !== notify.slack?.channel),
  );
  const sns = unique([notify.alertTopicArn, ...notify.routes.map((x) => x.alertTopicArn)]).map(
    (arn) => snsChannel(ctx, arn, r.sns, takes('sns', (d) => d.topics, arn), arn !== notify.alertTopicArn)!,
  );
  return [...slack, ...sns];
}

function unique(items: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(items.filter((x): x is string => Boolean(x)))];
}
