import type { FinOpsReview, RightsizingRow } from '../review/types.js';
import type { WasteSummary } from './findings.js';

/**
 * An instance that is both a waste finding (idle, stopped…) and a rightsizing
 * recommendation is counted once, in waste: the rightsizing row says so and
 * its saving stays out of the rightsizing total.
 */
export function markCountedInWaste(review: FinOpsReview, waste: WasteSummary | undefined): FinOpsReview {
  if (!waste?.items.length) return review;
  const found = new Set(waste.items.map((i) => i.id));
  const sameAccount = (r: RightsizingRow) =>
    waste.items.some((i) => i.id === r.instanceId && (!i.account || !r.account || i.account === r.account));
  const rightsizing = review.rightsizing.map((r) => (found.has(r.instanceId) && sameAccount(r) ? { ...r, countedInWaste: true } : r));
  return { ...review, rightsizing };
}

/** The rightsizing saving not already counted in waste. */
export const rightsizingSavings = (rows: readonly RightsizingRow[]) =>
  rows.reduce((a, r) => a + (r.countedInWaste ? 0 : r.estimatedMonthlySavings), 0);
