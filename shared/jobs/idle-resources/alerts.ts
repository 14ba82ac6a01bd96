import type { RegionError } from '../../aws/regions.js';
import { idleSlackMessage, idleSnsMessage, type IdleAlert, type IdleMessageContext } from '../../messages/idle-resources.js';
import { dispatch } from '../../notify/dispatch.js';
import { alertChannels, type RoutedTo } from '../../notify/routing.js';
import { sumCost } from '../../messages/waste-groups.js';
import { roundCents } from '../../money.js';
import type { AccountError } from '../../aws/scopes.js';
import type { AlertSubject, Delivery } from '../../alerts/alert.js';
import { alertingOf } from '../../detect/waste/registry.js';
import { PRICE_TABLE } from '../../pricing/index.js';
import type { IsoDate } from '../../time/dates.js';
import type { WasteTotals } from '../../waste/index.js';
import { channelDeps, type JobContext } from '../common/context.js';
import { digestSlackMessage, digestSnsMessage } from '../../messages/idle-digest-message.js';
import { digestFor, teamOf, type DigestFacts, type OwnershipRouting } from './digest.js';
import { digestAlerts, isFindingAlert, pinDigests, type IdleJobAlert } from './digest-alerts.js';

/**
 * One alert per finding per ISO week: a re-run that week sends nothing new,
 * new waste found later in the week does go out. In an organization the id
 * names the account too; a single-account id keeps its part-1 form, so a
 * ledger from before organizations still de-duplicates.
 */
export const idleAlertId = (kind: string, region: string, id: string, week: IsoDate, account: string | null = null) =>
  `idle-resources|${kind}|${account ? `${account}:` : ''}${region}:${id}|${week}|warning`;

/** What a mute of this finding matches (and what routing reads): the resource and its account, whatever the week. */
export const idleSubject = (kind: string, id: string, account: string | null = null): AlertSubject => ({
  job: 'idle-resources',
  scope: kind,
  key: id,
  account,
});

export interface RunFacts
  extends Pick<WasteTotals, 'findings' | 'ruleErrors' | 'estimatedMonthlySavings' | 'noData' | 'unpriced'>, Omit<DigestFacts, 'findings'> {
  readonly date: IsoDate;
  readonly weekStart: IsoDate;
  readonly regions: string[];
  readonly regionErrors: Array<RegionError & { readonly account?: string }>;
  readonly accountErrors?: readonly AccountError[];
  /** Organization accounts with their names. */
  readonly accounts?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/**
 * A destination's message counts its own findings only: a route's channel sees
 * its accounts' totals and what of them was not scanned, a team's channel its
 * team's findings and every scope not scanned (its resources may be in any),
 * the default destination the findings routed to it and every scope not scanned.
 */
export function idleMessageFor(base: IdleMessageContext, run: RunFacts, to: RoutedTo, o?: OwnershipRouting): IdleMessageContext {
  const mine = run.findings.filter((f) => to.takes(f.account ?? null, o ? teamOf(f.tags, o) : null));
  const own = <E extends { account?: string | null }>(list: readonly E[]) =>
    to.routed && !to.teams?.length ? list.filter((e) => to.takes(e.account ?? null)) : list;
  const digest = o && digestFor(run, to, o);
  const names = new Map((run.accounts ?? []).map((a) => [a.id, a.name]));
  return {
    ...base,
    totalFindings: mine.length,
    estimatedMonthlySavings: roundCents(sumCost(mine)),
    regionErrors: own(run.regionErrors),
    accountErrors: own(run.accountErrors ?? []).map((e) => ({ ...e, ...(names.has(e.account) ? { name: names.get(e.account)! } : {}) })),
    ...(digest ? { digest } : {}),
  };
}

/** Every finding of the run as alerts, and the digest of each destination without one, dispatched once for the whole run. */
export function dispatchIdleAlerts(ctx: JobContext, run: RunFacts): Promise<Delivery[]> {
  const week = run.weekStart;
  const alerts: IdleAlert[] = run.findings.map((finding) => ({
    finding,
    severity: 'warning',
    // Each rule declares its kind (in the id) and mute scope (the resource a mute names).
    alertId: idleAlertId(alertingOf(finding.rule).kind, finding.region, finding.id, week, finding.account),
    subject: idleSubject(alertingOf(finding.rule).muteScope, finding.id, finding.account),
  }));
  const rules = ctx.config.idle;
  const msg: IdleMessageContext = {
    date: run.date,
    weekStart: week,
    regions: run.regions,
    regionErrors: run.regionErrors,
    ruleErrors: run.ruleErrors,
    totalFindings: run.findings.length,
    estimatedMonthlySavings: run.estimatedMonthlySavings,
    noData: run.noData,
    unpriced: run.unpriced,
    lookbackDays: rules.lookbackDays,
    cpuThresholdPct: rules.cpuThresholdPct,
    priceTableDate: PRICE_TABLE.asOf,
  };
  const o = ctx.config.ownership;
  const slack = (a: readonly IdleJobAlert[], to: RoutedTo) => {
    const findings = a.filter(isFindingAlert);
    const m = idleMessageFor(msg, run, to, o);
    return findings.length || !m.digest ? idleSlackMessage(findings, m) : digestSlackMessage({ ...m, digest: m.digest });
  };
  const sns = (a: readonly IdleJobAlert[], to: RoutedTo) => {
    const findings = a.filter(isFindingAlert);
    const m = idleMessageFor(msg, run, to, o);
    return findings.length || !m.digest ? idleSnsMessage(findings, m) : digestSnsMessage({ ...m, digest: m.digest });
  };
  const channels = alertChannels<IdleJobAlert>(channelDeps(ctx), {
    slack,
    sns,
    // A finding on a resource whose team ownership.teams lists goes to that team, before the account routes.
    owners: { teams: o.teams, teamOf: (a) => (isFindingAlert(a) ? teamOf(a.finding.tags, o) : null) },
  });
  // A destination no finding goes to still hears its unassigned resources and savings, once a week.
  return dispatch<IdleJobAlert>({
    alerts: [...alerts, ...digestAlerts(channels, alerts, run, o, week)],
    channels: pinDigests(channels),
    ledger: ctx.ledger,
    mutes: ctx.mutes,
    dryRun: ctx.dryRun,
  });
}
