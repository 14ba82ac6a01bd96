import type { Budget } from '@aws-sdk/client-budgets';
import { roundCents, roundPct } from '../money.js';
import { firstDayOfMonth, type IsoMonth } from '../time/dates.js';

/** One monthly cost budget as the report shows it: its limit for the month against what was spent. */
export interface BudgetLine {
  readonly name: string;
  readonly limit: number;
  /** Null when AWS no longer tells a filtered budget's spend for a closed month. */
  readonly actual: number | null;
  readonly actualPct: number | null;
  /** No cost filters: the budget covers the whole account, so the report's own total is its actual. */
  readonly accountWide: boolean;
}

function hasFilter(b: Budget): boolean {
  const filters = Object.values(b.CostFilters ?? {}).some((values) => values.length > 0);
  return filters || (b.FilterExpression !== undefined && Object.keys(b.FilterExpression).length > 0);
}

/** PlannedBudgetLimits are keyed by the period start in epoch seconds; the plain limit applies otherwise. */
function limitFor(b: Budget, month: IsoMonth): number | undefined {
  const key = String(Date.parse(`${firstDayOfMonth(month)}T00:00:00Z`) / 1000);
  const amount = b.PlannedBudgetLimits?.[key]?.Amount ?? b.BudgetLimit?.Amount;
  return amount === undefined ? undefined : Number(amount);
}

export interface BudgetLineOptions {
  readonly month: IsoMonth;
  /** The month being reported's total spend from Cost Explorer. */
  readonly monthTotal: number;
  /** The month running now: only for it does AWS's CalculatedSpend describe the reported month. */
  readonly currentMonth: IsoMonth;
}

/**
 * Monthly cost budgets only: quarterly, yearly, usage and RI budgets do not
 * compare with one month's spend. AWS keeps a budget's actual for the running
 * period only, so a closed month's actual is known for account-wide budgets
 * (it is the report's total) and unknown for filtered ones.
 */
export function budgetLines(budgets: readonly Budget[], o: BudgetLineOptions): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const b of budgets) {
    if (b.BudgetType !== 'COST' || b.TimeUnit !== 'MONTHLY') continue;
    const limit = limitFor(b, o.month);
    if (limit === undefined || !Number.isFinite(limit)) continue;
    const accountWide = !hasFilter(b);
    const reported = b.CalculatedSpend?.ActualSpend?.Amount;
    const actual = accountWide ? o.monthTotal : o.month === o.currentMonth && reported !== undefined ? Number(reported) : null;
    lines.push({
      name: b.BudgetName ?? '(unnamed budget)',
      limit: roundCents(limit),
      actual: actual === null ? null : roundCents(actual),
      actualPct: actual === null || limit <= 0 ? null : roundPct((actual / limit) * 100),
      accountWide,
    });
  }
  return lines.sort((a, b) => Number(b.accountWide) - Number(a.accountWide) || a.name.localeCompare(b.name));
}
