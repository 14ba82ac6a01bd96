import type { RegionError } from '../../aws/regions.js';
import type { IdleTotals } from '../../detect/idle.js';
import { idleSlackMessage, idleSnsMessage, type IdleAlert, type IdleMessageContext } from '../../messages/idle-resources.js';
import { dispatch } from '../../notify/dispatch.js';
import { alertChannels } from '../../notify/routing.js';
import type { AlertSubject, Delivery } from '../../notify/types.js';
import { PRICE_TABLE } from '../../pricing/index.js';
import type { IsoDate } from '../../time/dates.js';
import type { JobContext } from '../context.js';

type Kind = 'instance' | 'volume';

/**
 * One alert per resource per ISO week: a re-run that week sends nothing new,
 * new waste found later in the week does go out. In an organization the id
 * names the account too; a single-account id keeps its part-1 form, so a
 * ledger from before organizations still de-duplicates.
 */
export const idleAlertId = (kind: Kind, region: string, id: string, week: IsoDate, account: string | null = null) =>
  `idle-resources|${kind}|${account ? `${account}:` : ''}${region}:${id}|${week}|warning`;

/** What a mute of this finding matches (and what routing reads): the resource and its account, whatever the week. */
export const idleSubject = (kind: Kind, id: string, account: string | null = null): AlertSubject => ({ job: 'idle-resources', scope: kind, key: id, account });

interface RunFacts extends Pick<IdleTotals, 'idleInstances' | 'unattachedVolumes' | 'estimatedMonthlySavings' | 'noData' | 'unpriced'> {
  readonly date: IsoDate;
  readonly weekStart: IsoDate;
  readonly regions: string[];
  readonly regionErrors: RegionError[];
}

/** Every finding of the run as alerts, dispatched once for the whole run (all accounts, all regions). */
export function dispatchIdleAlerts(ctx: JobContext, run: RunFacts): Promise<Delivery[]> {
  const week = run.weekStart;
  const acct = (x: object) => ('account' in x && typeof x.account === 'string' ? x.account : null);
  const alerts: IdleAlert[] = [
    ...run.idleInstances.map((item) => ({
      kind: 'instance' as const,
      item,
      severity: 'warning',
      alertId: idleAlertId('instance', item.region, item.id, week, acct(item)),
      subject: idleSubject('instance', item.id, acct(item)),
    })),
    ...run.unattachedVolumes.map((item) => ({
      kind: 'volume' as const,
      item,
      severity: 'warning',
      alertId: idleAlertId('volume', item.region, item.id, week, acct(item)),
      subject: idleSubject('volume', item.id, acct(item)),
    })),
  ];
  const rules = ctx.config.idle;
  const msg: IdleMessageContext = {
    date: run.date,
    weekStart: week,
    regions: run.regions,
    regionErrors: run.regionErrors,
    totalIdleInstances: run.idleInstances.length,
    totalUnattachedVolumes: run.unattachedVolumes.length,
    estimatedMonthlySavings: run.estimatedMonthlySavings,
    noData: run.noData,
    unpriced: run.unpriced,
    lookbackDays: rules.lookbackDays,
    cpuThresholdPct: rules.cpuThresholdPct,
    priceTableDate: PRICE_TABLE.asOf,
  };
  return dispatch({
    alerts,
    channels: alertChannels<IdleAlert>(ctx, { slack: (a) => idleSlackMessage(a, msg), sns: (a) => idleSnsMessage(a, msg) }),
    ledger: ctx.ledger,
    dryRun: ctx.dryRun,
  });
}
