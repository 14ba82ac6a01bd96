import { roundCents, roundPct } from '../money.js';

/**
 * The split of a month's spend by a tag key against agreed shares
 * (production 70 %, staging 15 % …). Shares are of all the month's spend,
 * untagged included, so the rows and `(untagged)` add up to 100 %.
 */

export const UNTAGGED = '(untagged)';
/** Untagged spend at or above this share of the month is called out. */
export const LARGE_UNTAGGED_PCT = 10;

export interface AllocationRow {
  readonly tagKey: string;
  readonly value: string;
  readonly amount: number;
  readonly sharePct: number;
  /** Null for `(untagged)`. */
  readonly targetPct: number | null;
  /** sharePct − targetPct, in percentage points; null for `(untagged)`. */
  readonly deviationPts: number | null;
}

export interface AllocationNote {
  readonly tagKey: string;
  readonly kind: 'not-activated' | 'large-untagged' | 'no-spend' | 'untargeted-values';
  readonly message: string;
}

export interface Allocation {
  readonly rows: AllocationRow[];
  readonly notes: AllocationNote[];
}

const pctOf = (amount: number, total: number) => (total > 0 ? roundPct((amount / total) * 100) : 0);

/**
 * `amounts`: the month's spend by tag value ('' or `(untagged)` for none),
 * as Cost Explorer's TAG grouping returns it with the key prefix removed.
 */
export function allocate(tagKey: string, targets: Readonly<Record<string, number>>, amounts: ReadonlyMap<string, number>): Allocation {
  const byValue = new Map<string, number>();
  for (const [raw, amount] of amounts) {
    const value = raw === '' ? UNTAGGED : raw;
    byValue.set(value, (byValue.get(value) ?? 0) + amount);
  }
  const total = [...byValue.values()].reduce((a, b) => a + b, 0);
  const untagged = byValue.get(UNTAGGED) ?? 0;
  if (roundCents(total) === 0)
    return { rows: [], notes: [{ tagKey, kind: 'no-spend', message: `No spend this month to split by ${tagKey}.` }] };
  // Nothing carries the tag at all: the key is most likely not activated as a cost allocation tag,
  // and "100 % untagged" would be a finding about billing settings, not about teams.
  if (roundCents(total - untagged) === 0)
    return {
      rows: [],
      notes: [
        {
          tagKey,
          kind: 'not-activated',
          message: `No spend carries the tag "${tagKey}" this month: is it activated as a cost allocation tag in the Billing console?`,
        },
      ],
    };
  const rows: AllocationRow[] = Object.entries(targets).map(([value, targetPct]) => {
    const amount = byValue.get(value) ?? 0;
    const sharePct = pctOf(amount, total);
    return { tagKey, value, amount: roundCents(amount), sharePct, targetPct, deviationPts: roundPct(sharePct - targetPct) };
  });
  rows.push({
    tagKey,
    value: UNTAGGED,
    amount: roundCents(untagged),
    sharePct: pctOf(untagged, total),
    targetPct: null,
    deviationPts: null,
  });
  const notes: AllocationNote[] = [];
  const untaggedPct = pctOf(untagged, total);
  if (untaggedPct >= LARGE_UNTAGGED_PCT)
    notes.push({
      tagKey,
      kind: 'large-untagged',
      message: `${untaggedPct}% of the month's spend carries no "${tagKey}" tag: it cannot be allocated.`,
    });
  const others = [...byValue.entries()].filter(([v]) => v !== UNTAGGED && !Object.hasOwn(targets, v));
  if (others.length) {
    const sum = others.reduce((a, [, n]) => a + n, 0);
    const names = others.sort((a, b) => b[1] - a[1]).map(([v]) => v);
    notes.push({
      tagKey,
      kind: 'untargeted-values',
      message:
        `${pctOf(sum, total)}% is tagged with values that have no ` +
        `target: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}.`,
    });
  }
  return { rows, notes };
}
