import type { OwnerTags, RealizedSavings, Unassigned, UntaggedSpend } from '../../detect/ownership/types.js';
import type { DigestResource, IdleDigest } from '../../messages/idle-digest.js';
import type { RoutedTo, TeamDestination } from '../../notify/routing.js';
import { roundCents } from '../../money.js';
import type { Finding } from '../../waste/types.js';

/** What routing by owner reads of config `ownership`. */
export interface OwnershipRouting {
  readonly tags: readonly string[];
  readonly teams: Readonly<Record<string, TeamDestination>>;
}

/** The data the digest is made of: the run's `unassigned` and `realizedSavings` (absent in a run that did not measure them). */
export interface DigestFacts {
  readonly findings: readonly Finding[];
  readonly unassigned?: Unassigned;
  readonly realizedSavings?: RealizedSavings;
}

/** The team a resource belongs to: its first ownership tag's value, when `ownership.teams` lists it; else null (routes decide). */
export function teamOf(tags: OwnerTags | undefined, o: OwnershipRouting): string | null {
  const key = o.tags[0];
  const value = key === undefined ? undefined : tags?.[key];
  return value !== undefined && Object.hasOwn(o.teams, value) ? value : null;
}

/**
 * One destination's digest. A team's destination gets the unassigned resources
 * carrying its team value (they miss another key); every other unassigned
 * resource goes where its account's findings go (its account route, else the
 * default destination), so no team hears of another team's accounts.
 * Realized savings follow the finding: where it was sent, its saving is told.
 */
export function digestFor(run: DigestFacts, to: RoutedTo, o: OwnershipRouting): IdleDigest | undefined {
  if (!run.unassigned && !run.realizedSavings) return undefined;
  const resources = run.unassigned?.resources ?? [];
  const costs = findingCosts(run.findings);
  const unassigned = resources
    .filter((r) => to.takes(r.account, teamOf(r.tags, o)))
    .map((r): DigestResource => ({ ...r, estimatedMonthlyCost: costOf(costs, r) }))
    .sort(byCostThenPlace);
  const teamDestination = (to.teams?.length ?? 0) > 0;
  const own = <E extends { account?: string | null }>(list: readonly E[]) =>
    to.routed && !teamDestination ? list.filter((e) => to.takes(e.account ?? null)) : list;
  const saved = run.realizedSavings;
  const resolved = saved?.previousRun ? saved.resolved.filter((f) => to.takes(f.account, teamOf(f.tags, o))) : [];
  return {
    tagKeys: o.tags,
    unassigned,
    unlisted: own(run.unassigned?.scopeErrors ?? []),
    spend: run.unassigned ? spendFor(run.unassigned.spend, to, teamDestination) : null,
    saved: saved?.previousRun
      ? {
          monthly: roundCents(resolved.reduce((s, f) => s + (f.estimatedMonthlyCost ?? 0), 0)),
          resolved: resolved.length,
          since: saved.previousRun.date,
        }
      : null,
  };
}

/** An account route's destination sees its accounts' untagged share; the default and a team's see the whole scope's. */
function spendFor(spend: UntaggedSpend, to: RoutedTo, teamDestination: boolean): UntaggedSpend {
  if (!to.routed || teamDestination || !to.accounts || !spend.byAccount) return spend;
  const mine = spend.byAccount.filter((a) => to.accounts!.includes(a.account));
  const amount = roundCents(mine.reduce((s, a) => s + a.amount, 0));
  const total = roundCents(mine.reduce((s, a) => s + a.total, 0));
  if (spend.activated !== true || spend.amount === null) return { ...spend, byAccount: mine };
  return { ...spend, amount, total, sharePct: total > 0 ? Math.round((amount / total) * 1000) / 10 : null, byAccount: mine };
}

const place = (account: string | null, region: string, id: string) => `${account ?? ''}|${region}|${id}`;

function findingCosts(findings: readonly Finding[]): Map<string, number | null> {
  return new Map(findings.map((f) => [place(f.account, f.region, f.id), f.estimatedMonthlyCost]));
}

/** A finding names a resource by its id (i-…, vol-…) or its ARN; the ARN's last part after "/" or ":" is that id. */
function costOf(costs: Map<string, number | null>, r: { account: string | null; region: string; arn: string }): number | null {
  const ids = [r.arn, r.arn.slice(r.arn.lastIndexOf('/') + 1), r.arn.slice(r.arn.lastIndexOf(':') + 1)];
  for (const id of ids) {
    const cost = costs.get(place(r.account, r.region, id));
    if (cost !== undefined) return cost;
  }
  return null;
}

/** Costliest first when a finding prices it; the rest by account, region, type and ARN, so the list reads the same each week. */
function byCostThenPlace(a: DigestResource, b: DigestResource): number {
  return (
    (b.estimatedMonthlyCost ?? -1) - (a.estimatedMonthlyCost ?? -1) ||
    (a.account ?? '').localeCompare(b.account ?? '') ||
    a.region.localeCompare(b.region) ||
    a.resourceType.localeCompare(b.resourceType) ||
    a.arn.localeCompare(b.arn)
  );
}
