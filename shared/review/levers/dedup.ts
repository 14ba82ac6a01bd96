import { roundCents } from '../../money.js';
import type { AnyLever, LeverName, SavingsLevers } from './types.js';

/**
 * Each resource counted once: an instance that is a rightsizing and a
 * Graviton candidate (or a Cost Optimization Hub recommendation as well)
 * gives its largest saving, in the lever that offers it; the other items stay
 * listed with `countedIn` naming that lever. Alternatives for the same usage
 * (commitments) share a resource, so only the largest is counted. A lever's
 * total is what it counts, so the totals add up to `totalDedupedSavings`.
 */

interface Priced {
  readonly resource: string;
  readonly estimatedMonthlySavings: number;
  readonly countedInWaste?: boolean;
}

const priced = (item: unknown): item is Priced =>
  typeof (item as Priced).resource === 'string' && typeof (item as Priced).estimatedMonthlySavings === 'number';

export function dedupeLevers(levers: readonly AnyLever[]): SavingsLevers {
  // The winner per resource: largest saving; ties go to the lever listed first, then the first item.
  const best = new Map<string, { lever: LeverName; saving: number; item: unknown }>();
  for (const l of levers)
    for (const item of l.items as unknown[]) {
      if (!priced(item) || item.countedInWaste) continue;
      const seen = best.get(item.resource);
      if (!seen || item.estimatedMonthlySavings > seen.saving)
        best.set(item.resource, { lever: l.lever, saving: item.estimatedMonthlySavings, item });
    }
  const out = levers.map((l) => {
    const items = (l.items as unknown[]).map((item) => {
      if (!priced(item) || item.countedInWaste) return item;
      const winner = best.get(item.resource)!;
      if (winner.item === item) {
        const { countedIn: _drop, ...rest } = item as Priced & { countedIn?: LeverName };
        return rest;
      }
      return { ...item, countedIn: winner.lever };
    });
    if (l.estimatedMonthlySavings === null && (l.gap || l.lever === 'data-transfer')) return { ...l, items } as AnyLever;
    const total = items.reduce<number>(
      (a, item) =>
        a + (priced(item) && !item.countedInWaste && !(item as { countedIn?: string }).countedIn ? item.estimatedMonthlySavings : 0),
      0,
    );
    return { ...l, items, estimatedMonthlySavings: roundCents(total) } as AnyLever;
  });
  const totalDedupedSavings = roundCents([...best.values()].reduce((a, b) => a + b.saving, 0));
  return { levers: out, totalDedupedSavings };
}
