/** A single fact worth telling someone, identified so it is told once. */
export interface Alert {
  /** Deterministic: job, scope, key, period and severity; the ledger's key. */
  readonly alertId: string;
  readonly severity: string;
  /**
   * Lower alerts this one settles (a budget's lower tiers crossed in the same
   * run): recorded as delivered wherever this alert is, never sent themselves.
   */
  readonly covers?: readonly Alert[];
}

export type ChannelName = 'slack' | 'sns';
export type DeliveryStatus = 'sent' | 'duplicate' | 'failed' | 'dry-run';

export interface Delivery {
  readonly channel: ChannelName;
  readonly alertId: string;
  readonly status: DeliveryStatus;
  readonly error?: string;
}

/**
 * Somewhere alerts go. One `send` carries every new alert of a run, so a run
 * makes one Slack message and one SNS message however many spikes it found.
 */
export interface Channel<A extends Alert> {
  readonly name: ChannelName;
  /** Which alerts this channel carries (e.g. budgets send `info` to Slack only). @default every alert */
  accepts?(alert: Alert): boolean;
  send(alerts: readonly A[]): Promise<void>;
}
