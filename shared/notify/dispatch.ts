import { errorMessage } from '../aws/errors.js';
import { mapLimit } from '../concurrency.js';
import type { AlertLedger } from '../ledger/ledger.js';

/** Ledger writes in flight per channel: fast for hundreds of alerts, far below DynamoDB's limits. */
const LEDGER_CONCURRENCY = 16;
import type { Alert, Channel, Delivery } from './types.js';

export interface DispatchOptions<A extends Alert> {
  readonly alerts: readonly A[];
  readonly channels: readonly Channel<A>[];
  readonly ledger: AlertLedger;
  readonly dryRun: boolean;
}

/**
 * Delivers alerts through every channel independently: Slack failing never
 * keeps SNS from sending. Each (alert, channel) is claimed in the ledger
 * first, so only what was never delivered goes out, and a failure releases
 * the claim for the next run.
 */
export async function dispatch<A extends Alert>({ alerts, channels, ledger, dryRun }: DispatchOptions<A>): Promise<Delivery[]> {
  const perChannel = await Promise.all(channels.map((channel) => deliverThrough(channel, alerts, ledger, dryRun)));
  return perChannel.flat();
}

/** A route's destination is part of the ledger key; the default destinations keep their pre-routing key. */
const ledgerChannel = (channel: Channel<Alert>) => (channel.routed && channel.destination ? `${channel.name}|${channel.destination}` : channel.name);

async function deliverThrough<A extends Alert>(channel: Channel<A>, all: readonly A[], ledger: AlertLedger, dryRun: boolean): Promise<Delivery[]> {
  const alerts = all.filter((a) => channel.accepts?.(a) ?? true);
  const target = ledgerChannel(channel as Channel<Alert>);
  const base = (a: A) => ({ channel: channel.name, alertId: a.alertId, ...(channel.destination ? { destination: channel.destination } : {}) });
  if (dryRun) return alerts.map((a) => ({ ...base(a), status: 'dry-run' }));

  const done = alerts.length ? await ledger.delivered(alerts.map((a) => a.alertId), target) : new Set<string>();
  const fresh = alerts.filter((a) => !done.has(a.alertId));
  const outcomes = await mapLimit(fresh, LEDGER_CONCURRENCY, (a) => ledger.claim(a.alertId, target));
  const claimed = fresh.filter((_, i) => outcomes[i] === 'claimed');
  const deliveries: Delivery[] = alerts.filter((a) => !claimed.includes(a)).map((a) => ({ ...base(a), status: 'duplicate' }));
  if (!claimed.length) {
    // Also when the covering alert went out in an earlier run: heals a recording that failed then.
    await recordCovered(channel, alerts, ledger);
    return deliveries;
  }

  try {
    await channel.send(claimed);
  } catch (err) {
    const error = errorMessage(err);
    await mapLimit(claimed, LEDGER_CONCURRENCY, (a) => ledger.markFailed(a.alertId, target, error));
    return [...deliveries, ...claimed.map((a) => ({ ...base(a), status: 'failed' as const, error }))];
  }
  await mapLimit(claimed, LEDGER_CONCURRENCY, (a) => ledger.markSent(a.alertId, target));
  await recordCovered(channel, alerts, ledger);
  return [...deliveries, ...claimed.map((a) => ({ ...base(a), status: 'sent' as const }))];
}

/** Marks the alerts that delivered ones cover as delivered on this channel too, so they never go out later. */
async function recordCovered<A extends Alert>(channel: Channel<A>, delivered: readonly A[], ledger: AlertLedger): Promise<void> {
  const covered = delivered.flatMap((a) => a.covers ?? []).filter((c) => channel.accepts?.(c) ?? true);
  if (!covered.length) return;
  const target = ledgerChannel(channel as Channel<Alert>);
  const done = await ledger.delivered(covered.map((c) => c.alertId), target);
  await mapLimit(
    covered.filter((c) => !done.has(c.alertId)),
    LEDGER_CONCURRENCY,
    async (c) => {
      if ((await ledger.claim(c.alertId, target)) === 'claimed') await ledger.markSent(c.alertId, target);
    },
  );
}

export function anyFailed(deliveries: readonly Delivery[]): boolean {
  return deliveries.some((d) => d.status === 'failed');
}
