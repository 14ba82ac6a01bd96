import { roundCents, roundPct } from '../money.js';

/**
 * Spend by component (Compute, Database, …) against each component's budget.
 * The default mapping matches Cost Explorer's SERVICE names by pattern, since
 * AWS names vary ("Amazon Elastic Container Service for Kubernetes", third-party
 * Bedrock models billed as "Claude 3.5 Sonnet (Amazon Bedrock Edition)").
 * A configured mapping (`report.categories`) lists exact names and replaces it.
 */

export const OTHER = 'Other';

const DEFAULT_RULES: ReadonlyArray<readonly [category: string, pattern: RegExp]> = [
  ['Compute', /Elastic Compute Cloud - Compute|^Amazon EC2$|Kubernetes|\bEKS\b|Elastic Container Service|\bECS\b|Lambda|Fargate/i],
  ['Database', /Relational Database|\bRDS\b|ElastiCache|DynamoDB|Redshift/i],
  ['AI/ML', /SageMaker|Bedrock/i],
  ['Storage', /Simple Storage Service|^Amazon S3$|EC2 - Other|Elastic Block Store|\bEBS\b|Elastic File System|\bEFS\b|AWS Backup/i],
  ['Networking', /Virtual Private Cloud|\bVPC\b|CloudFront|Load Balancing|\bELB\b|Data Transfer|Route 53/i],
];

/** Service name → category, from config when given, else the default patterns. */
export function categorizer(configured?: Readonly<Record<string, readonly string[]>>): (service: string) => string {
  if (configured) {
    const byService = new Map(Object.entries(configured).flatMap(([category, services]) => services.map((s) => [s, category] as const)));
    return (service) => byService.get(service) ?? OTHER;
  }
  return (service) => DEFAULT_RULES.find(([, pattern]) => pattern.test(service))?.[0] ?? OTHER;
}

/** Sums amounts by category (services → categories). */
export function sumByCategory(amounts: ReadonlyMap<string, number>, categoryOf: (service: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [service, amount] of amounts) {
    const c = categoryOf(service);
    out.set(c, (out.get(c) ?? 0) + amount);
  }
  return out;
}

export interface CategoryRow {
  readonly category: string;
  readonly amount: number;
  readonly previous: number;
  readonly changePct: number | null;
  readonly budget: number | null;
  /** amount / budget × 100; null without a budget (or with a budget of 0). */
  readonly budgetPct: number | null;
}

export interface CategoryInput {
  readonly current: ReadonlyMap<string, number>;
  readonly previous: ReadonlyMap<string, number>;
  readonly budgets?: Readonly<Record<string, number>>;
}

/** One row per category with spend in either month or a budget; biggest first, Other last. */
export function categoryRows(i: CategoryInput): CategoryRow[] {
  const names = new Set([...i.current.keys(), ...i.previous.keys(), ...Object.keys(i.budgets ?? {})]);
  const rows = [...names].map((category): CategoryRow => {
    const amount = roundCents(i.current.get(category) ?? 0);
    const previous = roundCents(i.previous.get(category) ?? 0);
    const budget = i.budgets?.[category] ?? null;
    return {
      category,
      amount,
      previous,
      changePct: previous === 0 ? null : roundPct(((amount - previous) / previous) * 100),
      budget,
      budgetPct: budget ? roundPct((amount / budget) * 100) : null,
    };
  });
  const keep = rows.filter((r) => r.amount !== 0 || r.previous !== 0 || r.budget !== null);
  return keep.sort(
    (a, b) => Number(a.category === OTHER) - Number(b.category === OTHER) || b.amount - a.amount || a.category.localeCompare(b.category),
  );
}
