import { countOf, formatBytes, formatCount, formatMoney, formatUnitCost } from '../format.js';
import {
  LEVER_NAMES,
  type AnyLever,
  type CommitmentItem,
  type GravitonItem,
  type LeverName,
  type RightsizingItem,
  type SavingsLevers,
  type SpotItem,
  type StorageClassItem,
} from '../review/levers/types.js';
import type { FinOpsReview, ReviewGap } from '../review/types.js';

/**
 * The savings levers as text a person reads, shared by the HTML report, the
 * workbook and the email so each says the same thing: the review's question,
 * what each item is, and where an item's saving is counted when not here.
 * Plain text: each renderer escapes for its medium.
 */

/** The review's four questions first, in its order; then Graviton and storage. */
export const LEVER_TITLES: Record<LeverName, { readonly title: string; readonly question: string }> = {
  rightsizing: { title: 'Right-sizing', question: 'Are we over-provisioned?' },
  commitments: { title: 'RI / Savings Plans', question: 'Do we have enough RI / Savings Plans coverage, and what should we buy?' },
  spot: { title: 'Spot', question: 'Can non-critical work run on Spot?' },
  'data-transfer': { title: 'Data transfer', question: 'Can we cut cross-AZ or cross-region data transfer?' },
  graviton: { title: 'Graviton', question: 'Which instances could move to Graviton?' },
  'storage-class': { title: 'Storage class', question: 'Which buckets sit in S3 Standard with no lifecycle?' },
};

export const DATA_TRANSFER_TITLES: Record<string, string> = {
  'inter-az': 'Inter-AZ',
  'inter-region': 'Inter-region',
  'internet-out': 'Internet out',
  'nat-processing': 'NAT gateway processing',
};

/** Items shown in the HTML report per lever; the workbook has them all. */
export const LEVER_TOP = 10;

/** The levers in the review's order, whatever order they came in. */
export const orderedLevers = (s: SavingsLevers): AnyLever[] =>
  [...s.levers].sort((a, b) => LEVER_NAMES.indexOf(a.lever) - LEVER_NAMES.indexOf(b.lever));

/** Why a lever has no figure: its reviewGaps entry, or a plain "AWS would not answer". */
export function leverGap(l: AnyLever, review: FinOpsReview | undefined): ReviewGap | undefined {
  if (!l.gap) return undefined;
  return review?.gaps.find((g) => g.part === l.lever) ?? { part: l.lever, operation: '', message: 'AWS would not answer for this lever.' };
}

/** One item as a row: what it is, a detail line, its account, its saving, and where it is counted when elsewhere. */
export interface LeverRow {
  readonly name: string;
  readonly sub: string | null;
  readonly detail: string;
  readonly account: string | null;
  readonly saving: number | null;
  /** "counted in Graviton", "counted in waste", "from Cost Optimization Hub". */
  readonly note: string | null;
}

export const accountText = (account: string | null): string => account ?? 'payer account';

function countedNote(item: { countedIn?: LeverName; countedInWaste?: boolean; source?: string }, here: LeverName): string | null {
  const notes = [
    item.countedInWaste ? 'counted in waste' : null,
    // Alternatives for the same usage share a resource: only the largest purchase is counted.
    item.countedIn === here ? 'an alternative: not counted' : item.countedIn ? `counted in ${LEVER_TITLES[item.countedIn].title}` : null,
    item.source === 'cost-optimization-hub' ? 'from Cost Optimization Hub' : null,
  ].filter((n): n is string => n !== null);
  return notes.length ? notes.join('; ') : null;
}

const rightsizingRow = (x: RightsizingItem): Omit<LeverRow, 'note'> => ({
  name: x.instanceId,
  sub: x.instanceName ?? null,
  detail: x.action === 'terminate' ? `terminate ${x.instanceType}` : `${x.instanceType} → ${x.targetType ?? '?'}`,
  account: x.account,
  saving: x.estimatedMonthlySavings,
});

export function breakEven(months: number | null): string {
  if (months === null) return 'break-even not given';
  if (months === 0) return 'saves from the first month';
  return `pays back in ${formatCount(Math.round(months * 10) / 10)} months`;
}

const commitmentRow = (x: CommitmentItem, currency: string): Omit<LeverRow, 'note'> => ({
  name: x.purchase,
  sub: x.service,
  detail:
    (x.hourlyCommitment === null ? '' : `${formatUnitCost(x.hourlyCommitment, currency)}/hour, `) +
    (x.upfrontCost ? `${formatMoney(x.upfrontCost, currency)} upfront, ` : '') +
    breakEven(x.breakEvenMonths),
  account: x.account,
  saving: x.estimatedMonthlySavings,
});

const spotRow = (x: SpotItem, currency: string): Omit<LeverRow, 'note'> => ({
  name: x.environment,
  sub: null,
  detail: `${formatMoney(x.onDemandSpend, currency)} on demand`,
  account: x.account,
  saving: x.estimatedMonthlySavings,
});

const gravitonRow = (x: GravitonItem, currency: string): Omit<LeverRow, 'note'> => ({
  name: x.id,
  sub: [x.name, x.resourceType === 'rds-instance' ? 'RDS' : 'EC2', x.region].filter(Boolean).join(' · '),
  detail:
    `${x.currentType} → ${x.targetType} ` + `(${formatMoney(x.monthlyCost, currency)} → ${formatMoney(x.targetMonthlyCost, currency)})`,
  account: x.account,
  saving: x.estimatedMonthlySavings,
});

const storageRow = (x: StorageClassItem, currency: string): Omit<LeverRow, 'note'> => ({
  name: x.bucket,
  sub: x.region,
  detail: `${formatBytes(x.standardBytes)} in Standard, ${formatMoney(x.monthlyCost, currency)} a month`,
  account: x.account,
  saving: x.estimatedMonthlySavings,
});

/** The rows of a priced lever (every lever but data transfer, which lists kinds: see its own table). */
export function leverRows(l: AnyLever, currency: string): LeverRow[] {
  const withNote = <T extends object>(item: T, row: Omit<LeverRow, 'note'>): LeverRow => ({ ...row, note: countedNote(item, l.lever) });
  switch (l.lever) {
    case 'rightsizing':
      return l.items.map((x) => withNote(x, rightsizingRow(x)));
    case 'commitments':
      return l.items.map((x) => withNote(x, commitmentRow(x, currency)));
    case 'spot':
      return l.items.map((x) => withNote(x, spotRow(x, currency)));
    case 'graviton':
      return l.items.map((x) => withNote(x, gravitonRow(x, currency)));
    case 'storage-class':
      return l.items.map((x) => withNote(x, storageRow(x, currency)));
    case 'data-transfer':
      return [];
  }
}

/** The column headers of a lever's rows: the item, and its detail. */
export const LEVER_COLUMNS: Record<LeverName, readonly [string, string]> = {
  rightsizing: ['Instance', 'Change'],
  commitments: ['Purchase', 'Commitment'],
  spot: ['Environment', 'Spend'],
  'data-transfer': ['Kind', 'Change'],
  graviton: ['Instance', 'Move'],
  'storage-class': ['Bucket', 'Storage'],
};

/** "…and 3 more instances" under a table cut at LEVER_TOP. */
export const moreText = (total: number, shown: number, noun: string): string | null =>
  total > shown ? `…and ${countOf(total - shown, `more ${noun}`)} in cost-report.xlsx.` : null;
