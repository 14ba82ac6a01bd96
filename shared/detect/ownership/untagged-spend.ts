import type { CostBucket } from '../cost-bucket.js';
import { roundCents, roundPct } from '../../money.js';
import type { AccountUntaggedSpend, UntaggedSpend } from './types.js';

const share = (part: number, whole: number) => (whole > 0 ? roundPct((part / whole) * 100) : null);

/**
 * Untagged spend from one GetCostAndUsage answer grouped by TAG `tagKey`
 * (and LINKED_ACCOUNT second in an organization): AWS keys a tag group
 * `key$value`, and spend without a value `key$`. An answer with spend but no
 * value at all is what AWS gives for a key that is not an activated cost
 * allocation tag (every cost lands in `key$`): the share is then unknown,
 * never 100 %.
 */
export function untaggedSpendOf(
  buckets: readonly CostBucket[],
  tagKey: string,
  window: UntaggedSpend['window'],
  accounts?: readonly string[],
): UntaggedSpend {
  let total = 0;
  let untagged = 0;
  let valued = false;
  const byAccount = new Map<string, { amount: number; total: number }>((accounts ?? []).map((a) => [a, { amount: 0, total: 0 }]));
  for (const b of buckets)
    for (const [key, amount] of b.groups) {
      const [tagPart = '', account] = key.split('|');
      const value = tagPart.startsWith(`${tagKey}$`) ? tagPart.slice(tagKey.length + 1) : tagPart;
      total += amount;
      if (value === '') untagged += amount;
      else valued = true;
      if (accounts && account !== undefined) {
        const a = byAccount.get(account) ?? { amount: 0, total: 0 };
        a.total += amount;
        if (value === '') a.amount += amount;
        byAccount.set(account, a);
      }
    }
  const base = { tagKey, window, total: roundCents(total) };
  if (total > 0 && !valued)
    return {
      ...base,
      amount: null,
      sharePct: null,
      activated: false,
      message:
        `Cost Explorer shows no spend with any value of the "${tagKey}" tag: it is most likely not activated as a cost allocation tag ` +
        '(Billing and Cost Management → Cost allocation tags; activation takes up to 24 hours and does not apply to earlier spend), ' +
        'or no resource carries it yet',
    };
  const perAccount: AccountUntaggedSpend[] = [...byAccount]
    .map(([account, a]) => ({ account, amount: roundCents(a.amount), total: roundCents(a.total), sharePct: share(a.amount, a.total) }))
    .sort((x, y) => y.amount - x.amount || x.account.localeCompare(y.account));
  return {
    ...base,
    amount: roundCents(untagged),
    sharePct: share(untagged, total),
    activated: true,
    ...(accounts ? { byAccount: perAccount } : {}),
  };
}
