import { addDays, type IsoDate } from '../time/dates.js';

/** Days the console link shows, ending on the spike's date. */
export const CONSOLE_DAYS = 14;

const CONSOLE = 'https://us-east-1.console.aws.amazon.com/costmanagement/home#/cost-explorer';

/** The console's names for the Cost Explorer metrics (its `costAggregate` parameter). */
const AGGREGATE: Record<string, string> = {
  UnblendedCost: 'unBlendedCost',
  BlendedCost: 'blendedCost',
  AmortizedCost: 'amortizedCost',
  NetUnblendedCost: 'netUnblendedCost',
  NetAmortizedCost: 'netAmortizedCost',
};

export interface ConsoleView {
  /** The last day shown (the spike's date). */
  readonly date: IsoDate;
  readonly metric: string;
  /** Filter to this service; omitted: every service, grouped by service. */
  readonly service?: string;
  /** Filter to this linked account (organizations). */
  readonly account?: string | null;
  /** Filter to these linked accounts (a team's, in an organization); with `account`, both are included. */
  readonly accounts?: readonly string[];
}

const row = (id: string, label: string, operator: 'INCLUDES' | 'EXCLUDES', values: readonly string[]) => ({
  dimension: { id, displayValue: label },
  operator,
  values: values.map((value) => ({ value, displayValue: value })),
});

/**
 * A link to the Cost Explorer console showing what the alert is about: daily,
 * the 14 days to the spike, filtered to the service (and account) and grouped
 * by usage type, credits and refunds excluded as daily-spend excludes them.
 * The console keeps its state in the URL fragment, JSON-encoded.
 */
export function costExplorerUrl(v: ConsoleView): string {
  const filter = [row('RecordTypeV2', 'Charge type', 'EXCLUDES', ['Credit', 'Refund'])];
  if (v.service) filter.push(row('Service', 'Service', 'INCLUDES', [v.service]));
  const accounts = [...new Set([...(v.account ? [v.account] : []), ...(v.accounts ?? [])])];
  if (accounts.length) filter.push(row('LinkedAccount', 'Linked account', 'INCLUDES', accounts));
  const params: Array<[string, string]> = [
    ['chartStyle', 'STACK'],
    ['costAggregate', AGGREGATE[v.metric] ?? 'unBlendedCost'],
    ['endDate', v.date],
    ['excludeForecasting', 'true'],
    ['filter', JSON.stringify(filter)],
    ['granularity', 'Daily'],
    ['groupBy', JSON.stringify([v.service ? 'UsageType' : 'Service'])],
    ['historicalRelativeRange', 'CUSTOM'],
    ['isDefault', 'false'],
    ['reportMode', 'STANDARD'],
    ['showOnlyUncategorized', 'false'],
    ['showOnlyUntagged', 'false'],
    ['startDate', addDays(v.date, -(CONSOLE_DAYS - 1))],
    ['useNormalizedUnits', 'false'],
  ];
  return `${CONSOLE}?${params.map(([k, val]) => `${k}=${encodeURIComponent(val)}`).join('&')}`;
}
