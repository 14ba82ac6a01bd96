import type { IsoDate } from '../time/dates.js';

/** A root cause as AWS Cost Anomaly Detection names it; absent fields are null. */
export interface RootCause {
  readonly service: string | null;
  readonly region: string | null;
  readonly account: string | null;
  readonly accountName: string | null;
  readonly usageType: string | null;
  /** Dollars this cause contributed, when AWS says. */
  readonly contribution: number | null;
}

/** An AWS anomaly as daily-spend reports it: `score` is AWS's MaxScore, `impact` its TotalImpact. */
export interface AnomalyRef {
  readonly id: string;
  readonly score: number;
  readonly impact: number;
  readonly rootCauses: readonly RootCause[];
  readonly startDate: IsoDate;
  /** null while AWS still sees it going on. */
  readonly endDate: IsoDate | null;
  readonly actualSpend: number | null;
  readonly expectedSpend: number | null;
  readonly impactPct: number | null;
}

/** What an anomaly can attach to: a service spike on a day, in an account (null: the only one). */
export interface AnomalyTarget {
  readonly date: IsoDate;
  readonly service: string;
  readonly account: string | null;
}

export const covers = (a: AnomalyRef, date: IsoDate) => a.startDate <= date && (a.endDate === null || date <= a.endDate);

/** The contract's rule: a root cause names the same service (and account), and the anomaly's dates cover the spike's. */
export function anomalyMatches(a: AnomalyRef, t: AnomalyTarget): boolean {
  return covers(a, t.date) && a.rootCauses.some((c) => c.service === t.service && (t.account === null || c.account === t.account));
}

export interface AnomalyMatch {
  /** For each target (same index), the matching anomaly with the largest impact, if any. */
  readonly attached: ReadonlyArray<AnomalyRef | undefined>;
  /** Anomalies that matched no target and whose impact is at least `minDelta`: alerts of their own. */
  readonly unmatched: readonly AnomalyRef[];
}

/**
 * The anomalies that concern the chosen accounts: one whose root causes name
 * accounts, none of them chosen, is left out; one naming no account is kept.
 */
export function withinAccounts(anomalies: readonly AnomalyRef[], includes: (account: string) => boolean): AnomalyRef[] {
  return anomalies.filter((a) => {
    const named = a.rootCauses.flatMap((c) => (c.account ? [c.account] : []));
    return named.length === 0 || named.some(includes);
  });
}

export function matchAnomalies(targets: readonly AnomalyTarget[], anomalies: readonly AnomalyRef[], minDelta: number): AnomalyMatch {
  const used = new Set<string>();
  const attached = targets.map((t) => {
    const best = anomalies.filter((a) => anomalyMatches(a, t)).sort((x, y) => y.impact - x.impact)[0];
    if (best) used.add(best.id);
    return best;
  });
  // An anomaly that matched some spike is told with it, even when a bigger one took the attachment.
  for (const a of anomalies) if (targets.some((t) => anomalyMatches(a, t))) used.add(a.id);
  const unmatched = anomalies.filter((a) => !used.has(a.id) && a.impact >= minDelta).sort((x, y) => y.impact - x.impact);
  return { attached, unmatched };
}
