import { errorMessage } from '../aws/errors.js';
import { mapLimit } from '../concurrency.js';
import type { Alert, DeliveryTarget } from '../alerts/alert.js';
import type { AlertLedger, ClaimOutcome } from '../ledger/ledger.js';

/** Ledger writes in flight per channel: fast for hundreds of alerts, far below DynamoDB's limits. */
export const LEDGER_CONCURRENCY = 16;

export type Claim = ClaimOutcome | { readonly status: 'error'; readonly error: string };

export async function claim(ledger: AlertLedger, alertId: string, target: DeliveryTarget): Promise<Claim> {
  try {
    return await ledger.claim(alertId, target);
  } catch (err) {
    return { status: 'error', error: errorMessage(err) };
  }
}

/**
 * Claims a channel's fresh alerts. The first one (by id) is claimed alone: two
 * overlapping runs with the same alerts then agree on which of them sends, and
 * the loser claims nothing, instead of each sending part of one message.
 */
export async function claimAll<A extends Alert>(fresh: readonly A[], ledger: AlertLedger, target: DeliveryTarget): Promise<Map<A, Claim>> {
  const claims = new Map<A, Claim>();
  if (!fresh.length) return claims;
  const [leader, ...rest] = [...fresh].sort((a, b) => (a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0));
  const first = await claim(ledger, leader!.alertId, target);
  claims.set(leader!, first);
  if (first.status === 'in-progress') {
    for (const a of rest) claims.set(a, { status: 'in-progress', staleAt: first.staleAt });
    return claims;
  }
  const outcomes = await mapLimit(rest, LEDGER_CONCURRENCY, (a) => claim(ledger, a.alertId, target));
  rest.forEach((a, i) => claims.set(a, outcomes[i]!));
  return claims;
}

export function inProgressNote(staleAt: Date | undefined): string {
  const when = staleAt ? ` after ${staleAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}` : ' once its claim goes stale';
  return (
    `another run is sending this alert and has not confirmed it yet; not delivered by this run: run again${when} to deliver it ` +
    `if that run did not`
  );
}
