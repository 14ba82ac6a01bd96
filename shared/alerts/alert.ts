import type { JobName } from './jobs.js';

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
  /** An AWS Cost Anomaly Detection anomaly the alert carries: kept in the ledger, the "expected" button's feedback goes to it. */
  readonly anomalyId?: string;
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

/** Where a delivery goes: the channel, and (with routing) which Slack channel or topic of it. */
export interface DeliveryTarget {
  readonly channel: string;
  readonly destination?: string;
}

/** Where a message went, recorded in the ledger so a button click can update it (chat.update). */
export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
}

export interface SendReceipt {
  readonly message?: PostedMessage;
}
