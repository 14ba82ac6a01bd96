import type { Alert, ChannelName, SendReceipt } from '../alerts/alert.js';
import type { SlackMessage } from './slack.js';
import type { SnsMessage } from './sns.js';

/**
 * Somewhere alerts go. One `send` carries every new alert of a run, so a run
 * makes one Slack message and one SNS message however many spikes it found.
 */
export interface Channel<A extends Alert> {
  readonly name: ChannelName;
  /** The Slack channel or topic ARN this channel posts to, shown on its deliveries. */
  readonly destination?: string;
  /**
   * True for a route's destination (notify.routes): the ledger then keys its
   * deliveries by destination too. The default destinations keep the key they
   * had before routing existed, so an upgrade never sends an alert again.
   */
  readonly routed?: boolean;
  /** Which alerts this channel carries (e.g. budgets send `info` to Slack only). @default every alert */
  accepts?(alert: Alert): boolean;
  /**
   * Whether routing (notify.routes and the defaults) sends this alert here, before the job's own
   * rules in `accepts`. An alert no channel routes is a failed delivery, never silently dropped.
   */
  routes?(alert: Alert): boolean;
  send(alerts: readonly A[], info?: SendInfo): Promise<SendReceipt | void>;
  /** In a dry run, in place of `send`: hands the message it would deliver to the run's preview (nothing leaves the machine). */
  preview?(alerts: readonly A[], info?: SendInfo): void;
}

/** A message a dry run would have sent, exactly as built: Slack blocks with their buttons, or the SNS subject and body. */
export type MessagePreview =
  | { readonly channel: 'slack'; readonly destination: string; readonly message: SlackMessage }
  | { readonly channel: 'sns'; readonly destination: string; readonly message: SnsMessage };

export interface SendInfo {
  /** Alerts this channel would have carried but a mute holds: a message may say how many. */
  readonly muted: number;
}
