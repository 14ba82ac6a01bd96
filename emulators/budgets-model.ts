import type { Budget, BudgetedAndActualAmounts, Spend } from '@aws-sdk/client-budgets';

/** One budget of one account, as the double serves it to DescribeBudgets and DescribeBudgetPerformanceHistory. */
export interface BudgetRecord {
  /** The account whose DescribeBudgets lists it (the request's AccountId). */
  readonly account: string;
  /** As AWS describes it; in a JSON dataset file, dates may be ISO strings. CalculatedSpend is the running period's. */
  readonly budget: Budget;
  /** Actual spend of each monthly period, keyed by YYYY-MM: what DescribeBudgetPerformanceHistory answers. */
  readonly history?: Readonly<Record<string, number>>;
}

export class BudgetsFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const DATE_KEYS = new Set(['Start', 'End', 'LastUpdatedTime']);

/** AWS JSON 1.1 sends timestamps as epoch seconds; the dataset may hold Dates or ISO strings. */
export function toWire(value: unknown, key = ''): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (typeof value === 'string' && DATE_KEYS.has(key)) return Date.parse(value) / 1000;
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, k)]));
  return value;
}

const seconds = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : v instanceof Date ? v.getTime() / 1000 : typeof v === 'string' ? Date.parse(v) / 1000 : undefined;
const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00Z`) / 1000;
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};

/** A page of `items` from the index in `token`; the token is the next index. */
export function page<T>(items: readonly T[], token: unknown, max: unknown): { items: T[]; next?: string } {
  const from = typeof token === 'string' && token ? Number(token) : 0;
  const size = typeof max === 'number' && max > 0 ? Math.min(max, 100) : 100;
  const to = from + size;
  return { items: items.slice(from, to), ...(to < items.length ? { next: String(to) } : {}) };
}

/** The planned limit for a period when there is one, else the budget's limit. */
function budgetedFor(b: Budget, start: number): Spend | undefined {
  return b.PlannedBudgetLimits?.[String(start)] ?? b.BudgetLimit;
}

/**
 * The budget's monthly periods that have a recorded actual, lie inside its own
 * TimePeriod and overlap the requested one (Start inclusive, End exclusive).
 */
export function performance(
  record: BudgetRecord,
  request: { TimePeriod?: { Start?: unknown; End?: unknown } },
): BudgetedAndActualAmounts[] {
  const b = record.budget;
  const from = seconds(request.TimePeriod?.Start) ?? -Infinity;
  const to = seconds(request.TimePeriod?.End) ?? Infinity;
  const budgetFrom = seconds(b.TimePeriod?.Start) ?? -Infinity;
  const budgetTo = seconds(b.TimePeriod?.End) ?? Infinity;
  return Object.entries(record.history ?? {})
    .sort(([a], [c]) => a.localeCompare(c))
    .filter(([month]) => {
      const [start, end] = [monthStart(month), monthStart(nextMonth(month))];
      return start < to && end > from && start < budgetTo && end > budgetFrom;
    })
    .map(([month, actual]) => ({
      BudgetedAmount: budgetedFor(b, monthStart(month)),
      ActualAmount: { Amount: actual.toFixed(2), Unit: b.BudgetLimit?.Unit ?? 'USD' },
      TimePeriod: { Start: new Date(monthStart(month) * 1000), End: new Date(monthStart(nextMonth(month)) * 1000) },
    }));
}
