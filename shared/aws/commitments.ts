import {
  GetReservationCoverageCommand,
  GetReservationUtilizationCommand,
  GetSavingsPlansCoverageCommand,
  GetSavingsPlansUtilizationCommand,
  type CostExplorerClient,
  type Expression,
} from '@aws-sdk/client-cost-explorer';
import { roundPct } from '../money.js';
import type { CommitmentFigures, Commitments, ReviewGap } from '../review/types.js';
import type { IsoDate } from '../time/dates.js';
import { attemptsOf } from './attempts.js';
import { isDataUnavailable, reviewGap } from './review-gap.js';

/**
 * Savings Plans and reservations for the month: utilization first, and
 * coverage only when the account holds a commitment of that kind, so an
 * account without any pays one request per kind, not two.
 */

export interface CommitmentsResult {
  readonly commitments: Commitments;
  readonly gaps: ReviewGap[];
  /** Operation of every Cost Explorer request made (each $0.01), SDK retries included. */
  readonly requests: string[];
}

interface Span {
  readonly start: IsoDate;
  readonly endExclusive: IsoDate;
  /** LINKED_ACCOUNT values only (these operations take AND among dimensions, no Not); undefined: every account. */
  readonly filter?: Expression;
}

/** Sends one request and records it under its operation once per HTTP attempt, failed ones too. */
async function counted<T>(requests: string[], operation: string, send: () => Promise<T>): Promise<T> {
  try {
    const out = await send();
    for (let i = attemptsOf(out); i > 0; i--) requests.push(operation);
    return out;
  } catch (err) {
    for (let i = attemptsOf(err); i > 0; i--) requests.push(operation);
    throw err;
  }
}

const NONE: CommitmentFigures = { coveragePct: null, utilizationPct: null };
const pctOf = (part: number, whole: number) => (whole > 0 ? roundPct((part / whole) * 100) : null);
const num = (s: string | undefined) => Number(s ?? 0) || 0;
/** AWS's own percentage string when it sent one. */
const awsPct = (s: string | undefined) => (s === undefined || s === '' || !Number.isFinite(Number(s)) ? null : roundPct(Number(s)));

async function savingsPlans(ce: CostExplorerClient, span: Span, requests: string[]): Promise<CommitmentFigures> {
  const TimePeriod = { Start: span.start, End: span.endExclusive };
  const used = await counted(requests, 'GetSavingsPlansUtilization', () =>
    ce.send(new GetSavingsPlansUtilizationCommand({ TimePeriod, Granularity: 'MONTHLY', Filter: span.filter })),
  ).catch((err: unknown) => {
    if (isDataUnavailable(err)) return undefined;
    throw err;
  });
  const u = used?.Total?.Utilization;
  if (!u || num(u.TotalCommitment) === 0) return NONE;
  let covered = 0;
  let total = 0;
  let token: string | undefined;
  do {
    const page = await counted(requests, 'GetSavingsPlansCoverage', () =>
      ce.send(new GetSavingsPlansCoverageCommand({ TimePeriod, Granularity: 'MONTHLY', Filter: span.filter, NextToken: token })),
    );
    for (const c of page.SavingsPlansCoverages ?? []) {
      covered += num(c.Coverage?.SpendCoveredBySavingsPlans);
      total += num(c.Coverage?.TotalCost);
    }
    token = page.NextToken;
  } while (token);
  return {
    coveragePct: pctOf(covered, total),
    utilizationPct: awsPct(u.UtilizationPercentage) ?? pctOf(num(u.UsedCommitment), num(u.TotalCommitment)),
  };
}

async function reservations(ce: CostExplorerClient, span: Span, requests: string[]): Promise<CommitmentFigures> {
  const TimePeriod = { Start: span.start, End: span.endExclusive };
  const used = await counted(requests, 'GetReservationUtilization', () =>
    ce.send(new GetReservationUtilizationCommand({ TimePeriod, Granularity: 'MONTHLY', Filter: span.filter })),
  ).catch((err: unknown) => {
    if (isDataUnavailable(err)) return undefined;
    throw err;
  });
  const u = used?.Total;
  if (!u || num(u.PurchasedHours) === 0) return NONE;
  // Ungrouped, the answer is one page: Total covers the whole period.
  const coverage = await counted(requests, 'GetReservationCoverage', () =>
    ce.send(new GetReservationCoverageCommand({ TimePeriod, Granularity: 'MONTHLY', Filter: span.filter })),
  );
  const hours = coverage.Total?.CoverageHours;
  return {
    coveragePct: awsPct(hours?.CoverageHoursPercentage) ?? pctOf(num(hours?.ReservedHours), num(hours?.TotalRunningHours)),
    utilizationPct: awsPct(u.UtilizationPercentage) ?? pctOf(num(u.TotalActualHours), num(u.PurchasedHours)),
  };
}

export async function readCommitments(ce: CostExplorerClient, span: Span): Promise<CommitmentsResult> {
  const requests: string[] = [];
  const gaps: ReviewGap[] = [];
  const guard = (part: 'savingsPlans' | 'reservations', run: () => Promise<CommitmentFigures>) =>
    run().catch((err: unknown) => {
      gaps.push(
        reviewGap(err, part, requests.filter((r) => r.includes(part === 'savingsPlans' ? 'SavingsPlans' : 'Reservation')).at(-1) ?? part),
      );
      return NONE;
    });
  const [sp, ri] = await Promise.all([
    guard('savingsPlans', () => savingsPlans(ce, span, requests)),
    guard('reservations', () => reservations(ce, span, requests)),
  ]);
  return { commitments: { savingsPlans: sp, reservations: ri }, gaps, requests };
}
