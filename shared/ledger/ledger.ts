import type { AlertSubject, DeliveryTarget, PostedMessage } from '../alerts/alert.js';

/**
 * What a claim found: `claimed` (this run may send), `sent` (delivered
 * before), or `in-progress` (another run holds a fresh claim: not delivered,
 * and not ours to send until that run marks it or the claim goes stale).
 */
export type ClaimOutcome =
  { readonly status: 'claimed' } | { readonly status: 'sent' } | { readonly status: 'in-progress'; readonly staleAt?: Date };

/** What marking a delivery sent ended in. */
export type MarkOutcome = { readonly recorded: true } | { readonly recorded: false; readonly error: string };

/**
 * Remembers which (alert, target) pairs were delivered, so Lambda retries and
 * re-runs never send twice. A claim is taken before sending and confirmed after.
 */
export interface AlertLedger {
  /**
   * Which of these alerts were already delivered to the target. A cheap batched
   * read that spares a quiet re-run one conditional write per alert; `claim`
   * stays the guard against races.
   */
  delivered(alertIds: readonly string[], target: DeliveryTarget): Promise<Set<string>>;
  /** Takes the right to send, unless it was sent before or another run is sending it now. */
  claim(alertId: string, target: DeliveryTarget): Promise<ClaimOutcome>;
  /**
   * Retries on its own; never throws: a failure to record is reported, the message is out either way.
   * `record` keeps what a Slack button click needs: what the alert is about and where it was posted.
   */
  markSent(alertId: string, target: DeliveryTarget, record?: SentRecord): Promise<MarkOutcome>;
  /** Releases the claim so the next run tries again; never throws (a claim left pending goes stale). */
  markFailed(alertId: string, target: DeliveryTarget, error: string): Promise<MarkOutcome>;
}

/** Stored on a delivered entry: the Slack actions endpoint acts only on what it finds there. */
export interface SentRecord {
  readonly subject: AlertSubject;
  readonly message?: PostedMessage;
  /** An AWS Cost Anomaly Detection anomaly the alert carries ("expected" feedback goes to it). */
  readonly anomalyId?: string;
}

/** Used when no ledger table is configured: every alert is new, every time. */
export class NoLedger implements AlertLedger {
  async delivered(): Promise<Set<string>> {
    return new Set();
  }
  async claim(): Promise<ClaimOutcome> {
    return { status: 'claimed' };
  }
  async markSent(): Promise<MarkOutcome> {
    return { recorded: true };
  }
  async markFailed(): Promise<MarkOutcome> {
    return { recorded: true };
  }
}
