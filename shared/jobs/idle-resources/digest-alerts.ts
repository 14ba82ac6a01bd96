import type { Alert } from '../../alerts/alert.js';
import type { IdleDigest } from '../../messages/idle-digest.js';
import type { IdleAlert } from '../../messages/idle-resources.js';
import type { RoutedChannel, RoutedTo } from '../../notify/routing.js';
import type { IsoDate } from '../../time/dates.js';
import { digestFor, type DigestFacts, type OwnershipRouting } from './digest.js';

/** A destination's weekly digest when no finding goes there this run: it goes to that one destination only. */
export type DigestAlert = Alert & { readonly finding?: undefined; readonly digestTo: string };
export type IdleJobAlert = IdleAlert | DigestAlert;

export const isFindingAlert = (a: IdleJobAlert): a is IdleAlert => a.finding !== undefined;

/** Once per destination per ISO week: a re-run that week finds it in the ledger and sends nothing. */
export const idleDigestId = (channel: string, destination: string, week: IsoDate) =>
  `idle-resources|digest|${channel}:${destination}|${week}|info`;

const placeOf = (c: { name: string; destination?: string }) => `${c.name}:${c.destination ?? ''}`;

/**
 * Whether a digest has anything to tell: resources it owns without full tags,
 * findings resolved since the previous run, or (the default destination only)
 * an untagged share that is not a measured zero.
 */
export function hasNews(d: IdleDigest | undefined, to: RoutedTo): d is IdleDigest {
  if (!d) return false;
  if (d.unassigned.length || (d.saved?.resolved ?? 0) > 0) return true;
  return !to.routed && d.spend !== null && !(d.spend.activated === true && d.spend.amount === 0);
}

/** One digest alert for each destination no finding of the run is routed to, and that has news. */
export function digestAlerts(
  channels: readonly RoutedChannel<IdleJobAlert>[],
  findings: readonly IdleAlert[],
  run: DigestFacts,
  o: OwnershipRouting,
  week: IsoDate,
): DigestAlert[] {
  return channels
    .filter((c) => c.destination !== undefined && !findings.some((a) => c.accepts?.(a) ?? true))
    .filter((c) => hasNews(digestFor(run, c.to, o), c.to))
    .map((c) => ({
      alertId: idleDigestId(c.name, c.destination!, week),
      severity: 'info',
      subject: { job: 'idle-resources', scope: 'digest', key: placeOf(c), account: null },
      digestTo: placeOf(c),
    }));
}

/** Channels that carry findings as routing says and each digest alert to its own destination only. */
export function pinDigests(channels: readonly RoutedChannel<IdleJobAlert>[]): RoutedChannel<IdleJobAlert>[] {
  const own = (c: RoutedChannel<IdleJobAlert>, rule: ((a: Alert) => boolean) | undefined) => (a: Alert) =>
    'digestTo' in a ? a.digestTo === placeOf(c) : (rule?.(a) ?? true);
  return channels.map((c) => ({ ...c, accepts: own(c, c.accepts?.bind(c)), routes: own(c, c.routes?.bind(c)) }));
}
