import { countOf, formatMoney, formatPercent, formatUnitCost } from '../../format.js';
import type { CommitmentFigures, FinOpsReview } from '../../review/types.js';
import { rightsizingSavings } from '../overlap.js';

/**
 * The FinOps review in a few lines for the email (label, value): unit cost,
 * commitments, rightsizing, and any part AWS would not answer. The tables are
 * in the attached report and workbook. Plain text: callers escape for HTML.
 */

/** Cost per unit is not rounded to cents: $0.0472 against a $0.05 target. */
const perUnit = (n: number, currency: string) => formatUnitCost(n, currency);

const PART: Record<string, string> = {
  categories: 'Categories',
  savingsPlans: 'Savings Plans',
  reservations: 'Reservations',
  rightsizing: 'Rightsizing',
  unitCost: 'Unit cost',
};

const pct = (n: number | null) => (n === null ? null : formatPercent(n));

function commitment(c: CommitmentFigures): string {
  if (c.coveragePct === null && c.utilizationPct === null) return 'none this month';
  return [pct(c.coveragePct) && `${pct(c.coveragePct)} coverage`, pct(c.utilizationPct) && `${pct(c.utilizationPct)} utilization`]
    .filter(Boolean)
    .join(', ');
}

export function reviewLines(review: FinOpsReview | undefined, currency: string): Array<[label: string, value: string]> {
  if (!review) return [];
  const lines: Array<[string, string]> = [];
  const u = review.unitCost;
  if (u) {
    const now = u.costPerUnit === null ? `no ${u.unit}s counted` : perUnit(u.costPerUnit, currency);
    const before = u.previousCostPerUnit === null ? '' : `; ${perUnit(u.previousCostPerUnit, currency)} the month before`;
    const flag = u.costPerUnit !== null && u.costPerUnit > u.target ? ' (above target)' : '';
    lines.push([`Cost per ${u.unit}`, `${now}${flag}, target ${perUnit(u.target, currency)}${before}`]);
  }
  const gapped = new Set(review.gaps.map((g) => g.part));
  // With the savings levers, rightsizing and the levers' gaps are told in the levers' lines, once.
  const levers = new Set<string>(review.levers?.levers.map((l) => l.lever) ?? []);
  if (!gapped.has('savingsPlans')) lines.push(['Savings Plans', commitment(review.commitments.savingsPlans)]);
  if (!gapped.has('reservations')) lines.push(['Reservations', commitment(review.commitments.reservations)]);
  if (!gapped.has('rightsizing') && !levers.has('rightsizing')) {
    const saving = rightsizingSavings(review.rightsizing);
    const n = review.rightsizing.length;
    const inWaste = review.rightsizing.filter((r) => r.countedInWaste).length;
    const also = inWaste ? ` (${inWaste} also a waste finding, counted in waste only)` : '';
    lines.push([
      'Rightsizing',
      n ? `${countOf(n, 'recommendation')}, about ${formatMoney(saving, currency)} a month${also}` : 'no recommendations',
    ]);
  }
  for (const g of review.gaps) if (!levers.has(g.part)) lines.push([PART[g.part] ?? g.part, g.message]);
  return lines;
}
