import { countOf, formatBytes, formatChange, formatMoney, formatPercent } from '../../format.js';
import type { AnyLever, Lever, LeverName } from '../../review/levers/types.js';
import type { FinOpsReview } from '../../review/types.js';
import { DATA_TRANSFER_TITLES, LEVER_TITLES, leverGap, orderedLevers } from '../levers.js';

/**
 * The savings levers in a few lines for the email (label, value): the
 * review's four questions answered with numbers, then Graviton and storage,
 * then the total counted once. The items are in the attached report and
 * workbook. Plain text: callers escape for HTML.
 */

type Counted = { readonly estimatedMonthlySavings: number; readonly countedIn?: LeverName; readonly countedInWaste?: boolean };

const counts = (x: Counted) => !x.countedIn && !x.countedInWaste;

/** "(1 more counted in waste)", "(2 more counted in Right-sizing or Graviton)": items whose saving another place counts. */
function elsewhere(items: readonly Counted[]): string {
  const places = items.filter((x) => !counts(x)).map((x) => (x.countedInWaste ? 'waste' : LEVER_TITLES[x.countedIn!].title));
  return places.length ? ` (${places.length} more counted in ${[...new Set(places)].join(' or ')})` : '';
}

function pricedLine(l: AnyLever, noun: string, currency: string, extra = ''): string {
  const items = l.items as unknown as Counted[];
  const mine = items.filter(counts);
  if (!items.length) return `nothing to recommend this month${extra}`;
  const saving = formatMoney(l.estimatedMonthlySavings ?? 0, currency);
  return `about ${saving} a month from ${countOf(mine.length, noun)}${elsewhere(items)}${extra}`;
}

function commitmentsLine(l: Lever<'commitments'>, r: FinOpsReview, currency: string): string {
  const cov = (name: string, pct: number | null) => (pct === null ? null : `${name} coverage ${formatPercent(pct)}`);
  const coverage = [cov('Savings Plans', r.commitments.savingsPlans.coveragePct), cov('RI', r.commitments.reservations.coveragePct)]
    .filter(Boolean)
    .join(', ');
  const buy = l.items.filter(counts);
  const largest = [...buy].sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings)[0];
  const what = buy.length
    ? `buy ${countOf(buy.length, 'commitment')}, about ${formatMoney(l.estimatedMonthlySavings ?? 0, currency)} a month; ` +
      `largest: ${largest!.purchase} (${formatMoney(largest!.estimatedMonthlySavings, currency)})`
    : 'nothing to buy this month';
  return coverage ? `${coverage}; ${what}` : what;
}

function spotLine(l: Lever<'spot'>, currency: string): string {
  if (!l.items.length) return 'no on-demand EC2 spend in the non-production environments';
  const spend = l.items.reduce((s, x) => s + x.onDemandSpend, 0);
  const envs = [...new Set(l.items.map((x) => x.environment))];
  return (
    `${formatMoney(spend, currency)} on demand in ${envs.slice(0, 3).join(', ')}${envs.length > 3 ? ` and ${envs.length - 3} more` : ''}` +
    `; about ${formatMoney(l.estimatedMonthlySavings ?? 0, currency)} a month on Spot at the assumed discount`
  );
}

function transferLine(l: Lever<'data-transfer'>, currency: string): string {
  if (!l.items.length) return 'no data transfer either month';
  const amount = l.items.reduce((s, k) => s + k.amount, 0);
  const previous = l.items.reduce((s, k) => s + k.previous, 0);
  const change = previous === 0 ? (amount === 0 ? 'no change' : 'new spend') : formatChange(((amount - previous) / previous) * 100);
  const grew = l.items
    .filter((k) => k.severity !== 'none')
    .map((k) => `${DATA_TRANSFER_TITLES[k.kind] ?? k.kind} ${formatMoney(k.amount, currency)} (${formatChange(k.changePct)})`);
  return (
    `${formatMoney(amount, currency)} this month (${change}); ` +
    (grew.length ? `grew past the thresholds: ${grew.join(', ')}` : 'no kind grew past the thresholds')
  );
}

function storageExtra(l: Lever<'storage-class'>): string {
  const bytes = l.items.reduce((s, x) => s + x.standardBytes, 0);
  return l.items.length ? `, ${formatBytes(bytes)} in Standard without a lifecycle rule` : '';
}

function leverValue(l: AnyLever, r: FinOpsReview, currency: string): string {
  const gap = leverGap(l, r);
  if (gap) return `AWS would not answer: ${gap.message}`;
  switch (l.lever) {
    case 'rightsizing':
      return pricedLine(l, 'instance', currency);
    case 'commitments':
      return commitmentsLine(l, r, currency);
    case 'spot':
      return spotLine(l, currency);
    case 'data-transfer':
      return transferLine(l, currency);
    case 'graviton':
      return pricedLine(l, 'instance', currency);
    case 'storage-class':
      return pricedLine(l, 'bucket', currency, storageExtra(l));
  }
}

export function leverLines(review: FinOpsReview | undefined, currency: string): Array<[label: string, value: string]> {
  const s = review?.levers;
  if (!review || !s) return [];
  const lines = orderedLevers(s).map((l): [string, string] => [LEVER_TITLES[l.lever].title, leverValue(l, review, currency)]);
  lines.push(['Counted once', `about ${formatMoney(s.totalDedupedSavings, currency)} a month in all, each resource once`]);
  return lines;
}
