import type { CostWatchConfig } from '../config/schema.js';
import { slackChannelTo, snsChannel, type ChannelDeps } from './channels.js';
import type { SlackMessage } from './slack.js';
import type { SnsMessage } from './sns.js';
import type { Alert, ChannelName } from '../alerts/alert.js';
import type { Channel } from './types.js';

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

/** Who a message is for: a route's destination sees only its own accounts' figures. */
export interface RoutedTo {
  /** The Slack channel or topic ARN. */
  readonly destination: string;
  /** True for a route's destination (a team's); false for the default destinations. */
  readonly routed: boolean;
  /** A route's destination: the accounts whose alerts come here, sorted. Null for a default destination (the whole scope). */
  readonly accounts: readonly string[] | null;
  /** Whether routing sends an alert about this account (null: no account) here. */
  takes(account: string | null): boolean;
}

/** The accounts whose alerts routing sends to a route's destination; null for a default one. */
function routedTo(
  destination: string,
  routed: boolean,
  at: (account: string | null) => readonly string[],
  notify: CostWatchConfig['notify'],
): RoutedTo {
  const takes = (account: string | null) => at(account).includes(destination);
  if (!routed) return { destination, routed, accounts: null, takes };
  const listed = new Set(notify.routes.flatMap((route) => route.accounts));
  return { destination, routed, accounts: [...listed].filter(takes).sort(), takes };
}

export interface AlertRenderers<A extends Alert> {
  readonly slack: (alerts: readonly A[], to: RoutedTo) => SlackMessage;
  readonly sns: (alerts: readonly A[], to: RoutedTo) => SnsMessage;
  /** A job's own channel rules (budgets send `info` to Slack only), applied before routing. */
  readonly accepts?: Partial<Record<ChannelName, (alert: Alert) => boolean>>;
}

/**
 * A job's alert channels, one per destination: the default Slack channel and
 * alert topic plus every route's. Each takes only the alerts routed to it, so
 * dispatch stays per channel, a Slack channel gets one message per run, and
 * the ledger guards each (alert, channel, destination).
 */
export function alertChannels<A extends Alert>(deps: ChannelDeps, r: AlertRenderers<A>): Channel<A>[] {
  const notify = deps.notify;
  const memo = new Map<string | null, Destinations>();
  const routed = (a: Alert): Destinations => {
    const account = a.subject.account;
    let d = memo.get(account);
    if (!d) memo.set(account, (d = destinationsOf(account, notify)));
    return d;
  };
  const routes = (to: (d: Destinations) => readonly string[], destination: string) => (a: Alert) => to(routed(a)).includes(destination);
  const takes = (name: ChannelName, goes: (a: Alert) => boolean) => (a: Alert) => (r.accepts?.[name]?.(a) ?? true) && goes(a);

  const slack = unique([notify.slack?.channel, ...notify.routes.map((x) => x.slack?.channel)]).map((channel) => {
    const goes = routes((d) => d.slack, channel);
    const to = routedTo(channel, channel !== notify.slack?.channel, (account) => destinationsOf(account, notify).slack, notify);
    return { ...slackChannelTo<A>(deps, channel, (a) => r.slack(a, to), takes('slack', goes), to.routed), routes: goes };
  });
  const sns = unique([notify.alertTopicArn, ...notify.routes.map((x) => x.alertTopicArn)]).map((arn) => {
    const goes = routes((d) => d.topics, arn);
    const to = routedTo(arn, arn !== notify.alertTopicArn, (account) => destinationsOf(account, notify).topics, notify);
    return { ...snsChannel<A>(deps, arn, (a) => r.sns(a, to), takes('sns', goes), to.routed)!, routes: goes };
  });
  return [...slack, ...sns];
}

function unique(items: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(items.filter((x): x is string => Boolean(x)))];
}
