import * as z from 'zod/mini';

/**
 * The FinOps review keys of `report` (contract Part 2): categories, their
 * budgets, an AWS Cost Category instead, and allocation targets per tag key.
 * Cross-key checks (a budget for a category that does not exist) live in
 * `reviewChecks`, run by the report schema, so every error names its key path.
 */

const name = (what: string) => z.string({ error: `expected a ${what}` }).check(z.minLength(1, { error: `expected a non-empty ${what}` }));
const amount = z.number({ error: 'expected an amount' }).check(z.nonnegative({ error: 'expected an amount of at least 0' }));
const share = z
  .number({ error: 'expected a percent' })
  .check(z.gte(0, { error: 'expected a percent from 0 to 100' }), z.lte(100, { error: 'expected a percent from 0 to 100' }));

export const DEFAULT_CATEGORY_NAMES = ['Compute', 'Database', 'AI/ML', 'Storage', 'Networking', 'Other'] as const;

export const reviewKeys = {
  /** `{ "<category>": ["<service name>", …] }`: replaces the default mapping; unlisted services are Other. */
  categories: z.optional(
    z.record(name('category name'), z.array(name('Cost Explorer service name'), { error: 'expected an array of service names' })),
  ),
  /** An AWS Cost Category name: categories come from GroupBy COST_CATEGORY instead of the mapping. */
  costCategory: z.optional(name('Cost Category name')),
  categoryBudgets: z.optional(z.record(name('category name'), amount)),
  /** `{ "<tag key>": { "<value>": pct } }`, each key's pcts summing to 100. */
  allocationTargets: z.optional(z.record(name('tag key'), z.record(name('tag value'), share))),
};

type Issue = { code: 'custom'; path: PropertyKey[]; message: string; input: unknown };

interface ReviewInput {
  categories?: Record<string, string[]>;
  costCategory?: string;
  categoryBudgets?: Record<string, number>;
  allocationTargets?: Record<string, Record<string, number>>;
}

/** Issues with paths relative to `report`. */
export function reviewIssues(r: ReviewInput): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: PropertyKey[], message: string, input: unknown) => issues.push({ code: 'custom', path, message, input });
  if (r.categories && r.costCategory)
    issue(['costCategory'], 'expected either report.categories or report.costCategory, not both', r.costCategory);
  const seen = new Map<string, string>();
  for (const [category, services] of Object.entries(r.categories ?? {})) {
    if (category === 'Other') issue(['categories', category], 'Other is what no category lists: leave it out', services);
    services.forEach((s, i) => {
      const before = seen.get(s);
      if (before !== undefined) issue(['categories', category, i], `"${s}" is already in category "${before}"`, s);
      else seen.set(s, category);
    });
  }
  // With a Cost Category the names come from AWS, so a budget for any name is fine.
  if (!r.costCategory) {
    const known = new Set<string>([...(r.categories ? Object.keys(r.categories) : DEFAULT_CATEGORY_NAMES), 'Other']);
    for (const category of Object.keys(r.categoryBudgets ?? {}))
      if (!known.has(category)) issue(['categoryBudgets', category], `expected one of the categories (${[...known].join(', ')})`, category);
  }
  for (const [key, targets] of Object.entries(r.allocationTargets ?? {})) {
    const sum = Object.values(targets).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 0.01)
      issue(['allocationTargets', key], `expected the percents to sum to 100, got ${Math.round(sum * 100) / 100}`, targets);
  }
  return issues;
}
