import { roundCents, roundPct } from '../money.js';
import type { OwnershipMonth } from './ownership-month.js';
import { addDays, addMonths, dayRange, daysBetween, firstDayOfMonth, type IsoDate, type IsoMonth } from '../time/dates.js';
import type { ContainersReport } from '../containers/types.js';
import type { FinOpsReview } from '../review/types.js';
import type { AccountLine, AccountServiceLine } from './accounts.js';
import type { BudgetLine } from './budgets.js';
import { monthName } from './escape.js';
import type { WasteSummary } from './findings.js';

/** What the job gathered from AWS, already summed; the model only arranges it. */
export interface ReportData {
  readonly month: IsoMonth;
  readonly currency: string;
  /** The Cost Explorer metric the amounts are, e.g. UnblendedCost. */
  readonly metric: string;
  /** ISO timestamp printed in the footer. */
  readonly generatedAt: string;
  /** The last day the report covers: the month's last day, or today for a partial month. */
  readonly through: IsoDate;
  readonly partial: boolean;
  /** Cost Explorer still marks part of the month as estimated. */
  readonly estimated: boolean;
  readonly current: ReadonlyMap<string, number>;
  readonly previous: ReadonlyMap<string, number>;
  readonly daily: ReadonlyMap<IsoDate, number>;
  readonly tags: ReadonlyArray<{
    readonly key: string;
    readonly current: ReadonlyMap<string, number>;
    readonly previous: ReadonlyMap<string, number>;
  }>;
  readonly budgets: readonly BudgetLine[];
  readonly waste?: WasteSummary;
  /** The FinOps review (categories, allocation, commitments, rightsizing), when the job gathered it. */
  readonly review?: FinOpsReview;
  /** Organizations: spend by account, and by account and service (the CSV's rows). */
  readonly accounts?: {
    readonly lines: AccountLine[];
    readonly services: AccountServiceLine[];
  }; /** Kubernetes cost by cluster and namespace (`containers` in config), with the gap that kept it out, if any. */
  readonly containers?: { readonly report: ContainersReport | null; readonly gap?: { readonly message: string } };
  /** The weekly ownership digest's month: realized savings and the untagged share, from the findings files. */
  readonly ownership?: OwnershipMonth;
}

/** One row of a month-over-month comparison (a service, a tag value, "Other"). */
export interface Line {
  readonly key: string;
  readonly amount: number;
  readonly previous: number;
  readonly change: number;
  /** Null when there was no spend the month before (the contract's "new spend"). */
  readonly changePct: number | null;
}

/** The facts of the report that pass from data to model unchanged. */
type ReportFacts = Pick<
  ReportData,
  | 'month'
  | 'currency'
  | 'metric'
  | 'generatedAt'
  | 'through'
  | 'partial'
  | 'estimated'
  | 'budgets'
  | 'waste'
  | 'review'
  | 'accounts'
  | 'containers'
  | 'ownership'
>;

export interface ReportModel extends ReportFacts {
  readonly previousMonth: IsoMonth;
  readonly monthLabel: string;
  /** The month before, or its first days when the report's month is running: "November 2026 (1–5)". */
  readonly previousLabel: string;
  /** The days of the month before the figures are compared with, both included. */
  readonly comparedWith: { readonly from: IsoDate; readonly to: IsoDate };
  readonly total: Line;
  /** Every service with spend in either month, biggest first. */
  readonly services: Line[];
  readonly moversUp: Line[];
  readonly moversDown: Line[];
  /** The bar chart: the biggest services, the rest folded into one "Other" bar. */
  readonly chart: Line[];
  readonly daily: Array<{ readonly date: IsoDate; readonly amount: number }>;
  readonly tags: Array<{ readonly key: string; readonly rows: Line[] }>;
  /** The home account's whole-account monthly budget the headline compares against, when one exists. */
  readonly primaryBudget?: BudgetLine;
  /** No spend at all in the month: the report says so instead of drawing empty charts. */
  readonly empty: boolean;
}

export const MOVERS = 5;
export const CHART_BARS = 8;

export function line(key: string, amount: number, previous: number): Line {
  return {
    key,
    amount: roundCents(amount),
    previous: roundCents(previous),
    change: roundCents(amount - previous),
    changePct: previous === 0 ? null : roundPct(((amount - previous) / previous) * 100),
  };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

const byAmount = (a: Line, b: Line) => b.amount - a.amount || b.previous - a.previous || a.key.localeCompare(b.key);

/** Both months side by side; keys whose spend rounds to zero in both are noise (tax fractions) and dropped. */
export function compare(current: ReadonlyMap<string, number>, previous: ReadonlyMap<string, number>, label = (k: string) => k): Line[] {
  const keys = new Set([...current.keys(), ...previous.keys()]);
  return [...keys]
    .map((k) => line(label(k), current.get(k) ?? 0, previous.get(k) ?? 0))
    .filter((l) => l.amount !== 0 || l.previous !== 0)
    .sort(byAmount);
}

/** Cost Explorer keys tag groups `team$core`; `team$` is spend without the tag. */
export function tagValue(tagKey: string, groupKey: string): string {
  const value = groupKey.startsWith(`${tagKey}$`) ? groupKey.slice(tagKey.length + 1) : groupKey;
  return value === '' ? '(untagged)' : value;
}

function chartLines(services: Line[]): Line[] {
  if (services.length <= CHART_BARS + 1) return services;
  const top = services.slice(0, CHART_BARS);
  const rest = services.slice(CHART_BARS);
  return [...top, line(`Other (${rest.length} services)`, sum(rest.map((l) => l.amount)), sum(rest.map((l) => l.previous)))];
}

/**
 * The days of the month before that a report compares with: the whole month,
 * or for a running month its same first days (1..N), so N days are not set
 * against a whole month. Both ends included.
 */
export function comparedDays(month: IsoMonth, through: IsoDate, partial: boolean): { from: IsoDate; to: IsoDate } {
  const start = firstDayOfMonth(month);
  const from = firstDayOfMonth(addMonths(month, -1));
  const sameDays = addDays(from, daysBetween(start, through));
  return { from, to: partial && sameDays < start ? sameDays : addDays(start, -1) };
}

export function buildReportModel(data: ReportData): ReportModel {
  const services = compare(data.current, data.previous);
  const previousMonth = addMonths(data.month, -1);
  const moversUp = services
    .filter((l) => l.change > 0)
    .sort((a, b) => b.change - a.change || a.key.localeCompare(b.key))
    .slice(0, MOVERS);
  const moversDown = services
    .filter((l) => l.change < 0)
    .sort((a, b) => a.change - b.change || a.key.localeCompare(b.key))
    .slice(0, MOVERS);
  const start = firstDayOfMonth(data.month);
  const days = data.through < start ? [] : dayRange(start, data.through);
  const total = line('Total', sum(data.current.values()), sum(data.previous.values()));
  const comparedWith = comparedDays(data.month, data.through, data.partial);
  return {
    month: data.month,
    previousMonth,
    monthLabel: monthName(data.month),
    previousLabel:
      comparedWith.to < addDays(start, -1)
        ? `${monthName(previousMonth)} (1–${Number(comparedWith.to.slice(8))})`
        : monthName(previousMonth),
    comparedWith,
    currency: data.currency,
    metric: data.metric,
    generatedAt: data.generatedAt,
    through: data.through,
    partial: data.partial,
    estimated: data.estimated,
    total,
    services,
    moversUp,
    moversDown,
    chart: chartLines(services),
    daily: days.map((date) => ({ date, amount: roundCents(data.daily.get(date) ?? 0) })),
    tags: data.tags.map((t) => ({ key: t.key, rows: compare(t.current, t.previous, (k) => tagValue(t.key, k)) })),
    budgets: data.budgets,
    primaryBudget: data.budgets.find((b) => b.accountWide && b.home !== false),
    waste: data.waste,
    review: data.review,
    accounts: data.accounts,
    containers: data.containers,
    ownership: data.ownership,
    empty: total.amount === 0 && services.every((l) => l.amount === 0),
  };
}

/** The last day a month's report covers: its last day, or `today` while the month is still running. */
export function reportThrough(month: IsoMonth, today: IsoDate): IsoDate {
  const last = addDays(firstDayOfMonth(addMonths(month, 1)), -1);
  return today < last ? today : last;
}
