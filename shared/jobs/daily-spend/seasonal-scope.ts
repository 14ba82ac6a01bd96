import type { Expression, GroupDefinition } from '@aws-sdk/client-cost-explorer';
import type { CostBucket } from '../../aws/cost-explorer.js';
import type { DaySpend } from '../../detect/daily-spend.js';
import { recordKind } from '../../detect/expected/index.js';
import type { AccountCharge } from '../../detect/seasonal-spend.js';

export const RECORD_TYPE: GroupDefinition = { Type: 'DIMENSION', Key: 'RECORD_TYPE' };

/** Usage record types in both spellings (the console's labels, which GetCostAndUsage returns, and the CUR tokens). */
const USAGE_TYPES = [
  'Usage',
  'DiscountedUsage',
  'Reservation applied usage',
  'SavingsPlanCoveredUsage',
  'Savings Plan Covered Usage',
  'SavingsPlanNegation',
  'Savings Plan Negation',
];

/** The organization's daily query reads usage only: GroupBy takes two dimensions, LINKED_ACCOUNT and SERVICE. */
export const USAGE_ONLY: Expression = { Dimensions: { Key: 'RECORD_TYPE', Values: USAGE_TYPES } };
/** The organization's charges query: neither usage nor credits and refunds. */
export const CHARGES_ONLY: Expression = {
  Not: { Dimensions: { Key: 'RECORD_TYPE', Values: [...USAGE_TYPES, 'Credit', 'Refund'] } },
};

/**
 * A single account's buckets grouped by SERVICE and RECORD_TYPE, split locally: usage becomes the
 * daily series by service, charges are postings judged month over month, credits are left out.
 */
export function splitRecordTypes(buckets: readonly CostBucket[]): { days: DaySpend[]; charges: AccountCharge[] } {
  const charges: AccountCharge[] = [];
  const days = buckets.map((b): DaySpend => {
    const byService = new Map<string, number>();
    for (const [key, amount] of b.groups) {
      const cut = key.lastIndexOf('|');
      const service = cut < 0 ? key : key.slice(0, cut);
      const recordType = cut < 0 ? 'Usage' : key.slice(cut + 1);
      const kind = recordKind(recordType);
      if (kind === 'usage') byService.set(service, (byService.get(service) ?? 0) + amount);
      else if (kind === 'charge') charges.push({ date: b.start, recordType, amount, account: null });
    }
    return { date: b.start, estimated: b.estimated, byService };
  });
  return { days, charges };
}

/** The charges query's MONTHLY buckets grouped by LINKED_ACCOUNT and RECORD_TYPE, dated on each month's 1st. */
export function orgCharges(buckets: readonly CostBucket[], keep: (account: string) => boolean): AccountCharge[] {
  return buckets.flatMap((b) =>
    [...b.groups].flatMap(([key, amount]): AccountCharge[] => {
      const cut = key.indexOf('|');
      const account = key.slice(0, cut);
      const recordType = key.slice(cut + 1);
      if (cut < 0 || !keep(account) || recordKind(recordType) !== 'charge') return [];
      return [{ date: b.start, recordType, amount, account }];
    }),
  );
}
