import type { CostWatchConfig } from '../config/schema.js';
import { slackChannelTo, snsChannel, type ChannelDeps } from './channels.js';
import type { SlackMessage } from './slack.js';
import type { SnsMessage } from './sns.js';
import type { Alert, ChannelName } from '../alerts/alert.js';
import type { Channel } from './types.js';
import { ownerDestinations, teamsAt, type Owners } from './owners.js';

export type { Owners, TeamDestination } from './owners.js';

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

/**
 * Owners come before the account routes: an alert a listed team owns goes to
 * that team's destination only; any other alert is routed by its account.
 */
export function destinationsFor(account: string | null, team: string | null, notify: CostWatchConfig['notify'], owners?: Owners<never>) {
  return ownerDestinations(team, owners) ?? destinationsOf(account, notify);
}

/** Who a message is for: a route's destination sees only its own accounts' figures, a team's destination only its team's. */
export interface RoutedTo {
  /** The Slack channel or topic ARN. */
  readonly destination: string;
  /** True for a route's destination (a team's); false for the default destinations. */
  readonly routed: boolean;
  /** A route's destination: the accounts whose alerts come here, sorted. Null for a default destination (the whole scope). */
  readonly accounts: readonly string[] | null;
  /** The team tag values (ownership.teams) whose alerts come here. @default none */
  readonly teams?: readonly string[];
  /** Whether routing sends an alert about this account (null: no account), owned by this team (null: none), here. */
  takes(account: string | null, team?: string | null): boolean;
}

/** The accounts whose alerts routing sends to a route's destination; null for a default one. */
function routedTo(
  destination: string,
  routed: boolean,
  at: (account: string | null, team: string | null) => readonly string[],
  notify: CostWatchConfig['notify'],
  owners: Owners<never> | undefined,
): RoutedTo {
  const takes = (account: string | null, team: string | null = null) => at(account, team).includes(destination);
  const teams = teamsAt(owners, (team) => at(null, team).includes(destination));
  if (!routed) return { destination, routed, accounts: null, teams, takes };
  const listed = new Set(notify.routes.flatMap((route) => route.accounts));
  return { destination, routed, accounts: [...listed].filter((a) => takes(a)).sort(), teams, takes };
}

export interface AlertRenderers<A extends Alert> {
  readonly slack: (alerts: readonly A[], to: RoutedTo) => SlackMessage;
  readonly sns: (alerts: readonly A[], to: RoutedTo) => SnsMessage;
  /** A job's own channel rules (budgets send `info` to Slack only), applied before routing. */
  readonly accepts?: Partial<Record<ChannelName, (alert: Alert) => boolean>>;
  /** Teams that own alerts (idle-resources' ownership.teams): their destinations come before the account routes. */
  readonly owners?: Owners<A>;
}

/**
 * A job's alert channels, one per destination: the default Slack channel and
 * alert topic plus every route's. Each takes only the alerts routed to it, so
 * dispatch stays per channel, a Slack channel gets one message per run, and
 * the ledger guards each (alert, channel, destination).
 */
/** A job's channel with whom it is for: a job can tell a destination routing sends nothing to this run. */
export type RoutedChannel<A extends Alert> = Channel<A> & { readonly to: RoutedTo };

export function alertChannels<A extends Alert>(deps: ChannelDeps, r: AlertRenderers<A>): RoutedChannel<A>[] {
  const notify = deps.notify;
  const owners = r.owners as Owners<never> | undefined;
  const teams = Object.values(r.owners?.teams ?? {});
  const memo = new Map<string, Destinations>();
  const where = (account: string | null, team: string | null): Destinations => {
    const key = JSON.stringify([account, team]);
    let d = memo.get(key);
    if (!d) memo.set(key, (d = destinationsFor(account, team, notify, owners)));
    return d;
  };
  // Channels see plain alerts; only the job's own alerts (type A) carry what owners read.
  const routed = (a: Alert): Destinations => where(a.subject.account, r.owners ? r.owners.teamOf(a as A) : null);
  const routes = (to: (d: Destinations) => readonly string[], destination: string) => (a: Alert) => to(routed(a)).includes(destination);
  const takes = (name: ChannelName, goes: (a: Alert) => boolean) => (a: Alert) => (r.accepts?.[name]?.(a) ?? true) && goes(a);

  const slackNames = [notify.slack?.channel, ...notify.routes.map((x) => x.slack?.channel), ...teams.map((t) => t.slack?.channel)];
  const slack = unique(slackNames).map((channel) => {
    const goes = routes((d) => d.slack, channel);
    const to = routedTo(channel, channel !== notify.slack?.channel, (a, t) => where(a, t).slack, notify, owners);
    return { ...slackChannelTo<A>(deps, channel, (a) => r.slack(a, to), takes('slack', goes), to.routed), routes: goes, to };
  });
  const topicArns = [notify.alertTopicArn, ...notify.routes.map((x) => x.alertTopicArn), ...teams.map((t) => t.alertTopicArn)];
  const sns = unique(topicArns).map((arn) => {
    const goes = routes((d) => d.topics, arn);
    const to = routedTo(arn, arn !== notify.alertTopicArn, (a, t) => where(a, t).topics, notify, owners);
    return { ...snsChannel<A>(deps, arn, (a) => r.sns(a, to), takes('sns', goes), to.routed)!, routes: goes, to };
  });
  return [...slack, ...sns];
}

function unique(items: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(items.filter((x): x is string => Boolean(x)))];
}
