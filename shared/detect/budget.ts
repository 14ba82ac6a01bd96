import type { Severity } from '../config/schema.js';
import { roundCents, roundPct } from '../money.js';
import { toIsoDate, type IsoDate } from '../time/dates.js';

/**
 * The budget rule, pure: which period a budget is in, how far it is spent,
 * which thresholds it has crossed and what would keep it inside its limit.
 * The job reads AWS and the ledger; everything decided here is data in, data out.
 */

export interface Amount {
  readonly amount: number;
  readonly unit: string;
}

/** One budget as DescribeBudgets gives it, reduced to what the rule reads. */
export interface BudgetFacts {
  readonly name: string;
  readonly budgetType: string | undefined;
  readonly timeUnit: string | undefined;
  /** TimePeriod.Start: periods repeat from this day. */
  readonly periodStart: IsoDate | undefined;
  /** TimePeriod.End: only a CUSTOM budget's single period ends here. */
  readonly periodEnd: IsoDate | undefined;
  readonly limit: Amount | undefined;
  /** PlannedBudgetLimits by the first day of the period they apply to. */
  readonly plannedLimits: Readonly<Record<IsoDate, Amount>>;
  readonly actual: Amount | undefined;
  readonly forecast: Amount | undefined;
}

export interface Threshold {
  readonly pct: number;
  readonly severity: Severity;
}

export interface BudgetRules {
  readonly actualThresholds: readonly Threshold[];
  readonly forecastThresholds: readonly Threshold[];
}

export type CrossingKind = 'actual' | 'forecast';

export interface Crossing extends Threshold {
  readonly kind: CrossingKind;
}

export interface BudgetPeriod {
  readonly unit: string;
  readonly start: IsoDate;
  readonly endExclusive: IsoDate;
}

export interface BudgetEvaluation {
  readonly budget: string;
  /** The budget's own currency: amounts are never converted. */
  readonly unit: string;
  readonly period: BudgetPeriod;
  readonly limit: number;
  readonly actual: number;
  readonly forecast: number | null;
  readonly actualPct: number;
  readonly forecastPct: number | null;
  /** Days of the period still to come, today included. */
  readonly daysLeft: number;
  /** limit - actual; negative once the budget is exceeded. */
  readonly remaining: number;
  /** Spending at most this per day for the rest of the period keeps the budget inside its limit (0 once exceeded). */
  readonly perDayToStayInside: number;
  /** Every threshold at or below the percent, ascending within each kind. */
  readonly crossed: Crossing[];
}

export type BudgetOutcome =
  | { readonly status: 'evaluated'; readonly evaluation: BudgetEvaluation }
  | { readonly status: 'skipped'; readonly budget: string; readonly budgetType: string; readonly reason: string };

const DAY_MS = 86_400_000;
const MONTHS_PER: Record<string, number> = { MONTHLY: 1, QUARTERLY: 3, ANNUALLY: 12 };

/** `anchor` plus `months`, keeping the anchor's day where the month has it (Jan 31 + 1 month = Feb 28/29). */
function addMonthsTo(anchor: Date, months: number): Date {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(anchor.getUTCDate(), lastDay)));
}

/** Calendar-aligned anchor when AWS gave no start: the 1st of the month, quarter or year. */
function defaultAnchor(unit: string, now: Date): Date {
  const y = now.getUTCFullYear();
  if (unit === 'ANNUALLY') return new Date(Date.UTC(y, 0, 1));
  if (unit === 'QUARTERLY') return new Date(Date.UTC(y, now.getUTCMonth() - (now.getUTCMonth() % 3), 1));
  return new Date(Date.UTC(y, now.getUTCMonth(), 1));
}

/**
 * The period of a budget holding `now`: periods repeat every unit from the
 * budget's start (a budget not started yet is in its first period).
 * Undefined for a unit we do not know, which the caller reports as skipped.
 */
export function budgetPeriod(unit: string, start: IsoDate | undefined, now: Date, end?: IsoDate): BudgetPeriod | undefined {
  if (unit === 'DAILY') {
    const day = toIsoDate(now);
    return { unit, start: day, endExclusive: toIsoDate(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS)) };
  }
  if (unit === 'CUSTOM') return start && end ? { unit, start, endExclusive: end } : undefined;
  const step = MONTHS_PER[unit];
  if (!step) return undefined;
  const anchor = start ? new Date(`${start}T00:00:00Z`) : defaultAnchor(unit, now);
  const monthsSince = (now.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + now.getUTCMonth() - anchor.getUTCMonth();
  let k = Math.max(0, Math.floor(monthsSince / step));
  // The day-of-month can put now just before the candidate start (anchor the 15th, now the 3rd).
  while (k > 0 && addMonthsTo(anchor, k * step) > now) k--;
  return { unit, start: toIsoDate(addMonthsTo(anchor, k * step)), endExclusive: toIsoDate(addMonthsTo(anchor, (k + 1) * step)) };
}

/** Days left in the period, counting the part of today still to come as a day. */
export function daysLeft(period: BudgetPeriod, now: Date): number {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.endExclusive}T00:00:00Z`);
  return Math.max(1, Math.ceil((end - Math.max(now.getTime(), start)) / DAY_MS));
}

/** Thresholds at or below `pct` (at or above the threshold counts as crossed), ascending. */
export function crossedThresholds(pct: number | null, thresholds: readonly Threshold[], kind: CrossingKind): Crossing[] {
  if (pct === null) return [];
  return thresholds.filter((t) => pct >= t.pct).map((t) => ({ kind, pct: t.pct, severity: t.severity }));
}

export interface AlertTier {
  readonly kind: CrossingKind;
  /** The highest threshold crossed: the one an alert names. */
  readonly top: Crossing;
  /** The lower ones: settled by the same alert, so they never alert later in the period. */
  readonly covered: Crossing[];
}

/** One tier per kind with any crossing: the highest crossed and the ones below it. */
export function alertTiers(crossed: readonly Crossing[]): AlertTier[] {
  const tiers: AlertTier[] = [];
  for (const kind of ['actual', 'forecast'] as const) {
    const list = crossed.filter((c) => c.kind === kind).sort((a, b) => a.pct - b.pct);
    const top = list.at(-1);
    if (top) tiers.push({ kind, top, covered: list.slice(0, -1) });
  }
  return tiers;
}

const skip = (f: BudgetFacts, reason: string): BudgetOutcome => ({
  status: 'skipped',
  budget: f.name,
  budgetType: f.budgetType ?? 'unknown',
  reason,
});
const valid = (a: Amount | undefined): a is Amount => a !== undefined && Number.isFinite(a.amount);

/** Evaluates one budget at `now`, or says why it cannot be evaluated. Never divides by zero. */
export function evaluateBudget(f: BudgetFacts, rules: BudgetRules, now: Date): BudgetOutcome {
  if (f.budgetType !== 'COST') return skip(f, `only COST budgets are evaluated; this one is ${f.budgetType ?? 'of no type'}`);
  const unit = f.timeUnit ?? 'MONTHLY';
  const period = budgetPeriod(unit, f.periodStart, now, f.periodEnd);
  if (!period) return skip(f, `time unit ${unit} is not supported (expected DAILY, MONTHLY, QUARTERLY, ANNUALLY or CUSTOM with an end)`);
  const limit = f.limit ?? f.plannedLimits[period.start];
  if (!valid(limit))
    return skip(
      f,
      f.limit || f.plannedLimits[period.start] ? 'the limit is not a number' : `no limit for the period starting ${period.start}`,
    );
  if (limit.amount <= 0) return skip(f, `the limit is ${limit.amount} ${limit.unit}: percentages of it are undefined`);
  if (!valid(f.actual)) return skip(f, 'no CalculatedSpend.ActualSpend: AWS has not computed its spend yet');
  if (f.actual.unit !== limit.unit) return skip(f, `spend is in ${f.actual.unit} but the limit in ${limit.unit}: not comparable`);
  const forecast = valid(f.forecast) && f.forecast.unit === limit.unit ? f.forecast.amount : null;

  const actualPct = (f.actual.amount / limit.amount) * 100;
  const forecastPct = forecast === null ? null : (forecast / limit.amount) * 100;
  const left = daysLeft(period, now);
  const remaining = limit.amount - f.actual.amount;
  return {
    status: 'evaluated',
    evaluation: {
      budget: f.name,
      unit: limit.unit,
      period,
      limit: roundCents(limit.amount),
      actual: roundCents(f.actual.amount),
      forecast: forecast === null ? null : roundCents(forecast),
      actualPct: roundPct(actualPct),
      forecastPct: forecastPct === null ? null : roundPct(forecastPct),
      daysLeft: left,
      remaining: roundCents(remaining),
      perDayToStayInside: remaining > 0 ? Math.floor((remaining / left) * 100) / 100 : 0,
      crossed: [
        ...crossedThresholds(actualPct, rules.actualThresholds, 'actual'),
        ...crossedThresholds(forecastPct, rules.forecastThresholds, 'forecast'),
      ],
    },
  };
}
