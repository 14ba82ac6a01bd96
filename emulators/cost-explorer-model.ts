import type { Anomaly, DimensionValues, Expression, GroupDefinition, TagValues } from '@aws-sdk/client-cost-explorer';

/** One line of billing data: what the double sums into Cost Explorer answers. */
export interface CostRecord {
  /** YYYY-MM-DD (UTC day). */
  date: string;
  service: string;
  amount: number;
  /** @default 'Usage' (also 'Credit', 'Refund', 'Tax', ...) */
  recordType?: string;
  /** @default '123456789012' */
  linkedAccount?: string;
  /** @default 'us-east-1' */
  region?: string;
  /** e.g. `USE1-BoxUsage:m5.large`. @default 'Usage' */
  usageType?: string;
  tags?: Record<string, string>;
  /** Usage quantity (instance hours for instance usage): purchase recommendations count running instances from it. */
  quantity?: number;
  /** @default 'Spot Instances' for `SpotUsage` usage types, else 'On Demand Instances' */
  purchaseType?: string;
  /** Cost Category name → value, as AWS Cost Categories assign them. */
  costCategories?: Record<string, string>;
}

/** One month of Savings Plans: the commitment and its use, and the spend they covered. */
export interface SavingsPlanRecord {
  /** YYYY-MM */
  month: string;
  /** The account that owns the plan, for LINKED_ACCOUNT filters. @default '123456789012' */
  linkedAccount?: string;
  totalCommitment: number;
  usedCommitment: number;
  coveredSpend: number;
  onDemandCost: number;
}

/** One month of reservations, in instance hours. */
export interface ReservationRecord {
  month: string;
  /** @default '123456789012' */
  linkedAccount?: string;
  purchasedHours: number;
  usedHours: number;
  reservedHours: number;
  onDemandHours: number;
}

export interface RightsizingRecord {
  /** @default '123456789012' */
  accountId?: string;
  instanceId: string;
  instanceType: string;
  instanceName?: string;
  region?: string;
  monthlyCost: number;
  action: 'modify' | 'terminate';
  /** modify: the candidate types; `default` marks AWS's default target. */
  targets?: Array<{ instanceType: string; estimatedMonthlySavings: number; default?: boolean }>;
}

export interface DatasetOptions {
  /** Days on or after this YYYY-MM-DD are reported with `Estimated: true`, as AWS does for unfinalised days. */
  estimatedFrom?: string;
  /** @default 'USD' */
  currency?: string;
  savingsPlans?: SavingsPlanRecord[];
  reservations?: ReservationRecord[];
  rightsizing?: RightsizingRecord[];
  /** false: rightsizing is not opted in, GetRightsizingRecommendation is denied. @default true */
  rightsizingEnabled?: boolean;
  /** What GetAnomalies knows, in the SDK's shape; null: Cost Anomaly Detection not set up. @default [] */
  anomalies?: Anomaly[] | null;
  /** Anomalies per GetAnomalies page (AWS pages too). @default 100 */
  anomalyPageSize?: number;
  /**
   * The tag keys activated as cost allocation tags. Cost Explorer knows only those: grouping or filtering by
   * another key sees no value on any cost, so every cost groups under `key$`. @default every key of the records
   */
  costAllocationTags?: readonly string[];
  /** The day purchase recommendations are computed on (their look-back ends the day before). @default the day after the last record */
  recommendationsAsOf?: string;
  /** Cost Optimization Hub recommendations, in its SDK shape; null: the account is not enrolled. @default [] */
  optimizationHub?: OptimizationHubRecord[] | null;
}

/** A Cost Optimization Hub recommendation as ListRecommendations answers it (dates as ISO strings). */
export interface OptimizationHubRecord {
  recommendationId: string;
  accountId?: string;
  region?: string;
  resourceId: string;
  resourceArn?: string;
  currentResourceType: string;
  recommendedResourceType?: string;
  actionType: string;
  currentResourceSummary?: string;
  recommendedResourceSummary?: string;
  estimatedMonthlySavings: number;
  estimatedMonthlyCost?: number;
}

export interface Dataset extends DatasetOptions {
  records: readonly CostRecord[];
}

/** An error the double answers in the AWS JSON protocol (`__type` + `message`). */
export class CostExplorerFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export const DEFAULT_ACCOUNT = '123456789012';

const DIMENSIONS: Record<string, (record: CostRecord) => string> = {
  SERVICE: (r) => r.service,
  LINKED_ACCOUNT: (r) => r.linkedAccount ?? DEFAULT_ACCOUNT,
  RECORD_TYPE: (r) => r.recordType ?? 'Usage',
  REGION: (r) => r.region ?? 'us-east-1',
  USAGE_TYPE: (r) => r.usageType ?? 'Usage',
  PURCHASE_TYPE: (r) => r.purchaseType ?? (/SpotUsage/.test(r.usageType ?? '') ? 'Spot Instances' : 'On Demand Instances'),
};

function dimensionReader(key: string | undefined): (record: CostRecord) => string {
  const read = key ? DIMENSIONS[key] : undefined;
  if (!read) {
    throw new CostExplorerFault(
      'ValidationException',
      `Dimension ${key ?? '(missing)'} is not supported by the double; use one of ${Object.keys(DIMENSIONS).join(', ')}`,
    );
  }
  return read;
}

/** A record's value of a tag as Cost Explorer sees it: none for a key not activated as a cost allocation tag. */
export function tagValueOf(record: CostRecord, key: string, active?: readonly string[]): string | undefined {
  return active && !active.includes(key) ? undefined : record.tags?.[key];
}

/** AWS keys tag groups as `key$value`, and untagged spend (or any spend, for a tag not activated) as `key$`. */
export function groupKeyReader(group: GroupDefinition, active?: readonly string[]): (record: CostRecord) => string {
  if (group.Type === 'DIMENSION') return dimensionReader(group.Key);
  if (group.Type === 'TAG' && group.Key) {
    const tagKey = group.Key;
    return (r) => `${tagKey}$${tagValueOf(r, tagKey, active) ?? ''}`;
  }
  if (group.Type === 'COST_CATEGORY' && group.Key) {
    const name = group.Key;
    return (r) => `${name}$${r.costCategories?.[name] ?? ''}`;
  }
  throw new CostExplorerFault(
    'ValidationException',
    `GroupBy ${group.Type ?? '(no Type)'}:${group.Key ?? '(no Key)'} is not supported; use DIMENSION, TAG or COST_CATEGORY with a Key`,
  );
}

function valueMatches(value: string | undefined, wanted: DimensionValues | TagValues): boolean {
  const options = wanted.MatchOptions ?? [];
  const values = wanted.Values ?? [];
  if (options.includes('ABSENT')) return value === undefined || value === '';
  // AWS treats an empty string in Values as "this tag is not set".
  if (value === undefined) return values.includes('');
  const fold = options.includes('CASE_INSENSITIVE');
  const norm = (s: string) => (fold ? s.toLowerCase() : s);
  return values.some((candidate) => {
    const [v, c] = [norm(value), norm(candidate)];
    if (options.includes('STARTS_WITH')) return v.startsWith(c);
    if (options.includes('ENDS_WITH')) return v.endsWith(c);
    if (options.includes('CONTAINS')) return v.includes(c);
    return v === c;
  });
}

/** Evaluates a Cost Explorer filter Expression against one record. */
export function matchesFilter(expr: Expression, record: CostRecord, active?: readonly string[]): boolean {
  const parts = (['And', 'Or', 'Not', 'Dimensions', 'Tags', 'CostCategories'] as const).filter((k) => expr[k] !== undefined);
  if (parts.length !== 1) {
    throw new CostExplorerFault(
      'ValidationException',
      `Expression must have exactly one of And, Or, Not, Dimensions, Tags, CostCategories; got ${parts.join(', ') || 'none'}`,
    );
  }
  if (expr.And) return expr.And.every((e) => matchesFilter(e, record, active));
  if (expr.Or) return expr.Or.some((e) => matchesFilter(e, record, active));
  if (expr.Not) return !matchesFilter(expr.Not, record, active);
  if (expr.Dimensions) return valueMatches(dimensionReader(expr.Dimensions.Key)(record), expr.Dimensions);
  if (expr.Tags) {
    const key = expr.Tags.Key;
    if (!key) throw new CostExplorerFault('ValidationException', 'Tags filter needs a Key');
    return valueMatches(tagValueOf(record, key, active), expr.Tags);
  }
  const cc = expr.CostCategories;
  if (!cc?.Key) throw new CostExplorerFault('ValidationException', 'CostCategories filter needs a Key');
  return valueMatches(record.costCategories?.[cc.Key], cc);
}

/** The review operations' Filter, read for its LINKED_ACCOUNT dimension (the only one their records carry). */
export function accountMatcher(filter: Expression | undefined): (account: string | undefined) => boolean {
  if (!filter) return () => true;
  return (account) => matchesFilter(filter, { date: '', service: '', amount: 0, linkedAccount: account ?? DEFAULT_ACCOUNT });
}
