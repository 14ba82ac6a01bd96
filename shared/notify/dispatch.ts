import { errorMessage } from '../aws/errors.js';
import type { DeliveryTarget } from '../alerts/alert.js';
import type { AlertLedger, SentRecord } from '../ledger/ledger.js';
import type { MuteReader } from '../ledger/mutes.js';
import { muteKey } from '../alerts/keys.js';
import type { Alert, Delivery, SendReceipt } from '../alerts/alert.js';
import { mapLimit } from '../concurrency.js';
import { claim, claimAll, inProgressNote, LEDGER_CONCURRENCY } from './claims.js';
import type { Channel } from './types.js';

export interface DispatchOptions<A extends Alert> {
  readonly alerts: readonly A[];
  readonly channels: readonly Channel<A>[];
  readonly ledger: AlertLedger;
  /** Which subjects are muted now; NO_MUTES without a ledger table. */
  readonly mutes: MuteReader;
  readonly dryRun: boolean;
}

/**
 * Delivers alerts through every channel independently: Slack failing never
 * keeps SNS from sending. Each (alert, channel) is claimed in the ledger
 * first, so only what was never delivered goes out, and a failure releases
 * the claim for the next run. Nothing here throws for one alert's sake: every
 * alert ends in a delivery that says what state it is in.
 */
export async function dispatch<A extends Alert>({ alerts, channels, ledger, mutes, dryRun }: DispatchOptions<A>): Promise<Delivery[]> {
  const { live, muted } = await splitMuted(alerts, mutes, dryRun);
  const perChannel = await Promise.all(channels.map((channel) => deliverThrough(channel, live, ledger, dryRun, muted)));
  return [...perChannel.flat(), ...unrouted(live, channels)];
}

export const NO_DESTINATION =
  'not sent: routing gives this alert no destination (no route lists its account and there is no notify.slack or notify.alertTopicArn); ' +
  'add a default destination';

/**
 * Alerts that routing sends nowhere fail (exit 3) instead of vanishing. Only
 * where channels route (a config with a destination): a config without any
 * notify destination sends nothing by choice.
 */
function unrouted<A extends Alert>(live: readonly A[], channels: readonly Channel<A>[]): Delivery[] {
  if (!channels.some((c) => c.routes)) return [];
  return live
    .filter((a) => !channels.some((c) => (c.routes ? c.routes(a) : (c.accepts?.(a) ?? true))))
    .map((a) => ({ channel: 'none', alertId: a.alertId, status: 'failed', error: NO_DESTINATION }));
}

/**
 * One batched read of the mutes of every subject in the run, before anything
 * is claimed: a muted alert is neither sent nor recorded, so it goes out if it
 * is still there once the mute ends. Wall-clock time: a mute is about now.
 */
async function splitMuted<A extends Alert>(alerts: readonly A[], mutes: MuteReader, dryRun: boolean): Promise<{ live: A[]; muted: A[] }> {
  if (!alerts.length) return { live: [...alerts], muted: [] };
  const read = mutes.mutedAmong(
    alerts.map((a) => a.subject),
    new Date(),
  );
  // A dry run never touched the ledger before mutes: one without a table (or access to it) still works, showing no mutes.
  const held = dryRun ? await read.catch(() => new Map()) : await read;
  return { live: alerts.filter((a) => !held.has(muteKey(a.subject))), muted: alerts.filter((a) => held.has(muteKey(a.subject))) };
}

/** What the ledger keeps of a delivered alert so a Slack button can act on it without trusting the click. */
function sentRecord(a: Alert, receipt: SendReceipt | void): SentRecord {
  return { subject: a.subject, message: receipt?.message, anomalyId: a.anomalyId };
}

/**
 * A route's destination is part of the ledger key; the default destinations
 * keep the key they had before routing existed, so an upgrade sends nothing again.
 */
export const targetOf = (channel: Pick<Channel<Alert>, 'name' | 'routed' | 'destination'>): DeliveryTarget =>
  channel.routed && channel.destination ? { channel: channel.name, destination: channel.destination } : { channel: channel.name };

async function deliverThrough<A extends Alert>(
  channel: Channel<A>,
  all: readonly A[],
  ledger: AlertLedger,
  dryRun: boolean,
  mutedAll: readonly A[],
): Promise<Delivery[]> {
  const target = targetOf(channel as Channel<Alert>);
  const alerts = all.filter((a) => channel.accepts?.(a) ?? true);
  const base = (a: A) => ({
    channel: channel.name,
    alertId: a.alertId,
    ...(channel.destination ? { destination: channel.destination } : {}),
  });
  const muted = mutedAll.filter((a) => channel.accepts?.(a) ?? true).map((a): Delivery => ({ ...base(a), status: 'muted' }));
  if (dryRun) {
    if (alerts.length) channel.preview?.(alerts, { muted: muted.length });
    return [...alerts.map((a): Delivery => ({ ...base(a), status: 'dry-run' })), ...muted];
  }

  const done = alerts.length
    ? await ledger.delivered(
        alerts.map((a) => a.alertId),
        target,
      )
    : new Set<string>();
  const claims = await claimAll(
    alerts.filter((a) => !done.has(a.alertId)),
    ledger,
    target,
  );
  const claimed = alerts.filter((a) => claims.get(a)?.status === 'claimed');
  const outcome = new Map<A, Delivery>();
  for (const a of alerts) {
    const c = claims.get(a);
    if (!c || c.status === 'sent') outcome.set(a, { ...base(a), status: 'duplicate' });
    else if (c.status === 'in-progress') outcome.set(a, { ...base(a), status: 'in-progress', error: inProgressNote(c.staleAt) });
    else if (c.status === 'error') outcome.set(a, { ...base(a), status: 'failed', error: `not sent: the ledger claim failed: ${c.error}` });
  }

  if (claimed.length) {
    let sendError: string | undefined;
    let receipt: SendReceipt | void;
    try {
      receipt = await channel.send(claimed, { muted: muted.length });
    } catch (err) {
      sendError = errorMessage(err);
    }
    const marks = await mapLimit(claimed, LEDGER_CONCURRENCY, (a) =>
      sendError === undefined
        ? ledger.markSent(a.alertId, target, sentRecord(a, receipt))
        : ledger.markFailed(a.alertId, target, sendError),
    );
    claimed.forEach((a, i) => {
      const mark = marks[i]!;
      if (sendError !== undefined) {
        const kept = mark.recorded ? '' : ` (the claim could not be released: ${mark.error}; a run after it goes stale retries)`;
        outcome.set(a, { ...base(a), status: 'failed', error: `${sendError}${kept}` });
      } else if (mark.recorded) outcome.set(a, { ...base(a), status: 'sent' });
      else
        outcome.set(a, { ...base(a), status: 'sent', recorded: false, error: `sent, but the ledger could not record it: ${mark.error}` });
    });
  }
  // Also when the covering alert went out in an earlier run: heals a recording that failed then.
  if (!claimed.length || claimed.some((a) => outcome.get(a)?.status === 'sent')) await recordCovered(channel, alerts, ledger, target);
  return [...alerts.map((a) => outcome.get(a)!), ...muted];
}

/**
 * Marks the alerts that delivered ones cover as delivered on this channel too, so they never go out later. Best effort:
 * the next run heals it.
 */
async function recordCovered<A extends Alert>(
  channel: Channel<A>,
  delivered: readonly A[],
  ledger: AlertLedger,
  target: DeliveryTarget,
): Promise<void> {
  const covered = delivered.flatMap((a) => a.covers ?? []).filter((c) => channel.accepts?.(c) ?? true);
  if (!covered.length) return;
  try {
    const done = await ledger.delivered(
      covered.map((c) => c.alertId),
      target,
    );
    await mapLimit(
      covered.filter((c) => !done.has(c.alertId)),
      LEDGER_CONCURRENCY,
      async (c) => {
        if ((await claim(ledger, c.alertId, target)).status === 'claimed') await ledger.markSent(c.alertId, target);
      },
    );
  } catch {
    // A ledger that cannot be read now is retried by the next run's recordCovered.
  }
}

/** Deliveries a re-run can still complete: a failure, or another run's unconfirmed claim. */
export function undelivered(deliveries: readonly Delivery[]): Delivery[] {
  return deliveries.filter((d) => d.status === 'failed' || d.status === 'in-progress');
}

/** Sent, but not recorded in the ledger: a run after the claim goes stale may send it again. */
export function unrecorded(deliveries: readonly Delivery[]): Delivery[] {
  return deliveries.filter((d) => d.status === 'sent' && d.recorded === false);
}
