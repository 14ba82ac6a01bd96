import type { Budget } from '@aws-sdk/client-budgets';
import type { BudgetPeriodAmounts } from '../aws/budget-history.js';
import { roundCents, roundPct } from '../money.js';
import { firstDayOfMonth, monthEndExclusive, type IsoMonth } from '../time/dates.js';

/** One monthly cost budget as the report shows it: its limit for the month against what was spent. */
export interface BudgetLine {
  readonly name: string;
  /** The budget's account in an organization; null or absent in a single-account report. */
  readonly account?: string | null;
  readonly accountName?: string | null;
  readonly limit: number;
  /** Null when AWS Budgets has no figure for the month (it keeps a monthly budget's history for 12 months). */
  readonly actual: number | null;
  readonly actualPct: number | null;
  /** No cost filters: the budget covers its whole account. */
  readonly accountWide: boolean;
  /** In the account the report runs in (absent: true): its whole-account budget covers everything the report covers. */
  readonly home?: boolean;
}

export interface BudgetOwner {
  readonly account: string | null;
  readonly accountName: string | null;
  readonly home: boolean;
}

function hasFilter(b: Budget): boolean {
  const filters = Object.values(b.CostFilters ?? {}).some((values) => values.length > 0);
  return filters || (b.FilterExpression !== undefined && Object.keys(b.FilterExpression).length > 0);
}

const startOf = (month: IsoMonth) => Date.parse(`${firstDayOfMonth(month)}T00:00:00Z`);

/** PlannedBudgetLimits are keyed by the period start in epoch seconds; the plain limit applies otherwise. */
function limitFor(b: Budget, month: IsoMonth): number | undefined {
  const amount = b.PlannedBudgetLimits?.[String(startOf(month) / 1000)]?.Amount ?? b.BudgetLimit?.Amount;
  return amount === undefined ? undefined : Number(amount);
}

/**
 * Monthly cost budgets in force during the month: quarterly, yearly, usage
 * and RI budgets do not compare with one month's spend, and a budget that
 * starts after the month (or ended before it) did not apply to it.
 */
export function reportableBudgets(budgets: readonly Budget[], month: IsoMonth): Budget[] {
  const [from, to] = [startOf(month), Date.parse(`${monthEndExclusive(month)}T00:00:00Z`)];
  return budgets.filter((b) => {
    if (b.BudgetType !== 'COST' || b.TimeUnit !== 'MONTHLY') return false;
    const limit = limitFor(b, month);
    if (limit === undefined || !Number.isFinite(limit)) return false;
    const start = b.TimePeriod?.Start?.getTime();
    const end = b.TimePeriod?.End?.getTime();
    return (start === undefined || Number.isNaN(start) || start < to) && (end === undefined || Number.isNaN(end) || end > from);
  });
}

/** The budget's own actual for the month (from its performance history), against the limit that applied then. */
export function budgetLine(b: Budget, month: IsoMonth, amounts: BudgetPeriodAmounts | undefined, owner: BudgetOwner): BudgetLine {
  const limit = amounts?.budgeted ?? limitFor(b, month) ?? 0;
  const actual = amounts?.actual ?? null;
  return {
    name: b.BudgetName ?? '(unnamed budget)',
    ...owner,
    limit: roundCents(limit),
    actual: actual === null ? null : roundCents(actual),
    actualPct: actual === null || limit <= 0 ? null : roundPct((actual / limit) * 100),
    accountWide: !hasFilter(b),
  };
}

/** The home account's first, then by account; in each, whole-account budgets before filtered ones, then by name. */
export function sortBudgetLines(lines: readonly BudgetLine[]): BudgetLine[] {
  return [...lines].sort(
    (a, b) =>
      Number(b.home !== false) - Number(a.home !== false) ||
      (a.accountName ?? '').localeCompare(b.accountName ?? '') ||
      Number(b.accountWide) - Number(a.accountWide) ||
      a.name.localeCompare(b.name),
  );
}

/** Why a budget line has no actual: AWS keeps a monthly budget's history for the current month and the 12 before. */
export const NO_BUDGET_HISTORY = "AWS Budgets has no actual for this month (it keeps a monthly budget's history for 12 months).";

/** "whole account" or "filtered", with the account's name in an organization. */
export const budgetScope = (b: BudgetLine): string =>
  `${b.accountWide ? 'whole account' : 'filtered'}${b.account ? `, ${b.accountName ?? b.account}` : ''}`;
