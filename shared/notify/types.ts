import type { JobName } from '../jobs/types.js';

/**
 * What an alert is about, independent of its period and severity: mutes match
 * on it, routing reads its account, the Slack buttons name it.
 */
export interface AlertSubject {
  readonly job: JobName;
  /** e.g. `total`, `service`, `account`, `instance`, `volume`, `budget`, `report`. */
  readonly scope: string;
  /** e.g. the service name, the resource id, the budget name, the month. */
  readonly key: string;
  /** 12-digit account id; null in a single-account config. */
  readonly account: string | null;
}

/** A single fact worth telling someone, identified so it is told once. */
export interface Alert {
  /** Deterministic: job, scope, key, period and severity; the ledger's key. */
  readonly alertId: string;
  readonly severity: string;
  readonly subject: AlertSubject;
  /**
   * Lower alerts this one settles (a budget's lower tiers crossed in the same
   * run): recorded as delivered wherever this alert is, never sent themselves.
   */
  readonly covers?: readonly Alert[];
}

export type ChannelName = 'slack' | 'sns' | 'ses';
/**
 * `in-progress`: another run holds the claim and has not marked it sent: not
 * delivered by this run, so the run exits 3 and a later run (or Lambda's
 * retry) delivers it once that claim is marked, released or stale.
 * `muted`: a mute of the alert's subject holds (cost-watch mute, or the Slack button); nothing was sent.
 */
export type DeliveryStatus = 'sent' | 'duplicate' | 'failed' | 'in-progress' | 'dry-run' | 'muted';

export interface Delivery {
  /** `none`: routing gave the alert no destination at all; a failed delivery, so the run cannot end 0 with it lost. */
  readonly channel: ChannelName | 'none';
  readonly alertId: string;
  readonly status: DeliveryStatus;
  readonly error?: string;
  /** Where it went: the Slack channel or the topic ARN (contract "Routing"). */
  readonly destination?: string;
  /** Only on `sent`, and only `false`: delivered, but the ledger could not record it (see `error`). */
  readonly recorded?: false;
}

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
}

export interface SendInfo {
  /** Alerts this channel would have carried but a mute holds: a message may say how many. */
  readonly muted: number;
}

/** Where a message went, recorded in the ledger so a button click can update it (chat.update). */
export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
}

export interface SendReceipt {
  readonly message?: PostedMessage;
}
