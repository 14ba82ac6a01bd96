import type { CostBucket } from './cost-bucket.js';
import type { IsoDate } from '../time/dates.js';
import type { BaselineKind } from './baseline.js';
import { evaluateDailySpend, type DailyEvaluation, type DailyRules, type DaySpend, type Spike } from './daily-spend.js';

/** One day of an organization's spend: per service over all accounts, and per account and service. */
export interface OrgDaySpend extends DaySpend {
  readonly byAccount: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Buckets grouped by LINKED_ACCOUNT then SERVICE (keys `<account>|<service>`)
 * as days. An account id is 12 digits, so the first `|` splits the key even
 * when a service name holds one.
 */
export function orgDays(buckets: readonly CostBucket[], keep: (account: string) => boolean = () => true): OrgDaySpend[] {
  return buckets.map((b) => {
    const byService = new Map<string, number>();
    const byAccount = new Map<string, Map<string, number>>();
    for (const [key, amount] of b.groups) {
      const cut = key.indexOf('|');
      const account = key.slice(0, cut);
      const service = key.slice(cut + 1);
      if (cut < 0 || !keep(account)) continue;
      byService.set(service, (byService.get(service) ?? 0) + amount);
      const services = byAccount.get(account) ?? new Map<string, number>();
      services.set(service, (services.get(service) ?? 0) + amount);
      byAccount.set(account, services);
    }
    return { date: b.start, estimated: b.estimated, byService, byAccount };
  });
}

/**
 * The contract's spike rule, unchanged, applied three ways: the organization
 * total (`scope: "total"`, account null), each account's total
 * (`scope: "account"`, key the id) and each service within each account.
 * `total`, the month to date and the sparkline stay the organization's.
 */
export function evaluateOrganization(
  days: readonly OrgDaySpend[],
  date: IsoDate,
  rules: DailyRules & { baseline: BaselineKind },
  nameOf: (account: string) => string,
): DailyEvaluation {
  const org = evaluateDailySpend(days, date, rules);
  const accounts = [...new Set(days.flatMap((d) => [...d.byAccount.keys()]))].sort();
  const perAccount = accounts.flatMap((account) => {
    const accountDays: DaySpend[] = days.map((d) => ({
      date: d.date,
      estimated: d.estimated,
      byService: d.byAccount.get(account) ?? new Map(),
    }));
    const accountName = nameOf(account);
    return evaluateDailySpend(accountDays, date, rules).spikes.map((s): Spike =>
      s.scope === 'total' ? { ...s, scope: 'account', key: account, account, accountName } : { ...s, account, accountName },
    );
  });
  const spikes = [...org.spikes.filter((s) => s.scope === 'total'), ...perAccount];
  // Newest day first, as evaluateDailySpend orders them; stable within a day.
  return { ...org, spikes: spikes.sort((a, b) => b.date.localeCompare(a.date)) };
}
