import { paginateGetAnomalies, type Anomaly, type CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { AnomalyRef } from '../detect/anomalies.js';
import { roundCents } from '../money.js';
import type { IsoDate } from '../time/dates.js';
import { attemptsOf } from './attempts.js';
import { explainAwsError } from './errors.js';
import { CostWatchError, ERROR_CODES } from '../errors.js';

const day = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null);
const num = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

export function toAnomalyRef(a: Anomaly): AnomalyRef {
  const start = day(a.AnomalyStartDate) ?? day(a.AnomalyEndDate) ?? '0000-01-01';
  return {
    id: a.AnomalyId ?? '(no id)',
    score: a.AnomalyScore?.MaxScore ?? 0,
    impact: roundCents(a.Impact?.TotalImpact ?? a.Impact?.MaxImpact ?? 0),
    rootCauses: (a.RootCauses ?? []).map((c) => ({
      service: c.Service ?? null,
      region: c.Region ?? null,
      account: c.LinkedAccount ?? null,
      accountName: c.LinkedAccountName ?? null,
      usageType: c.UsageType ?? null,
      contribution: num(c.Impact?.Contribution),
    })),
    startDate: start,
    endDate: day(a.AnomalyEndDate),
    actualSpend: num(a.Impact?.TotalActualSpend),
    expectedSpend: num(a.Impact?.TotalExpectedSpend),
    impactPct: num(a.Impact?.TotalImpactPercentage),
  };
}

export interface AnomaliesResult {
  readonly anomalies: AnomalyRef[];
  /** GetAnomalies requests, pages and SDK retries included: one unless AWS pages or throttles. */
  readonly requests: number;
}

/** A failed fetch still reports the requests it made: each was billed. */
export class AnomaliesError extends CostWatchError {
  readonly code = ERROR_CODES.anomalies;
  constructor(
    readonly failure: Error,
    readonly requests: number,
  ) {
    super(failure.message);
    this.name = failure.name;
  }
}

/**
 * Every anomaly AWS Cost Anomaly Detection has whose end date falls in
 * [start, end]: one GetAnomalies request, following pages (the SDK's
 * paginator) only as AWS requires.
 */
export async function fetchAnomalies(ce: CostExplorerClient, start: IsoDate, end: IsoDate): Promise<AnomaliesResult> {
  const anomalies: AnomalyRef[] = [];
  let requests = 0;
  try {
    for await (const page of paginateGetAnomalies({ client: ce }, { DateInterval: { StartDate: start, EndDate: end } })) {
      requests += attemptsOf(page);
      anomalies.push(...(page.Anomalies ?? []).map(toAnomalyRef));
    }
  } catch (err) {
    throw new AnomaliesError(explainAwsError(err, 'Cost Explorer GetAnomalies', 'ce:GetAnomalies'), requests + attemptsOf(err));
  }
  return { anomalies, requests };
}
