import { compare, line, type Line } from './model.js';

/** One account's month over month (organizations). `key` is the label shown: "Data (111111111111)". */
export interface AccountLine extends Line {
  readonly account: string;
  readonly name: string;
}

/** One (account, service) row for the CSV. */
export interface AccountServiceLine extends Line {
  readonly account: string;
  readonly name: string;
}

/** Organizations: both months' spend by `<account>|<service>`, as the grouped Cost Explorer query keys it, and the accounts' names. */
export interface AccountSpendData {
  readonly current: ReadonlyMap<string, number>;
  readonly previous: ReadonlyMap<string, number>;
  readonly names: ReadonlyMap<string, string>;
}

const split = (key: string) => {
  const cut = key.indexOf('|');
  return cut < 0 ? { account: key, service: '' } : { account: key.slice(0, cut), service: key.slice(cut + 1) };
};

/** Sums `<account>|<service>` amounts into one of the two keys. */
export function sumBy(amounts: ReadonlyMap<string, number>, part: 'account' | 'service'): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, amount] of amounts) {
    const k = split(key)[part];
    out.set(k, (out.get(k) ?? 0) + amount);
  }
  return out;
}

const labelOf = (names: ReadonlyMap<string, string>, id: string) => {
  const name = names.get(id) ?? id;
  return { name, key: name === id ? id : `${name} (${id})` };
};

/** Every account with spend in either month, biggest first. */
export function accountLines(d: AccountSpendData): AccountLine[] {
  return compare(sumBy(d.current, 'account'), sumBy(d.previous, 'account')).map((l) => ({
    ...l,
    account: l.key,
    ...labelOf(d.names, l.key),
  }));
}

/** Every (account, service) with spend in either month: accounts biggest first, services biggest first within. */
export function accountServiceLines(d: AccountSpendData, accounts: readonly AccountLine[]): AccountServiceLine[] {
  const keys = [...new Set([...d.current.keys(), ...d.previous.keys()])];
  const order = new Map(accounts.map((a, i) => [a.account, i]));
  return keys
    .map((k) => ({ ...split(k), l: line(split(k).service, d.current.get(k) ?? 0, d.previous.get(k) ?? 0) }))
    .filter((x) => x.l.amount !== 0 || x.l.previous !== 0)
    .sort(
      (a, b) => (order.get(a.account) ?? 0) - (order.get(b.account) ?? 0) || b.l.amount - a.l.amount || a.service.localeCompare(b.service),
    )
    .map((x) => ({ ...x.l, account: x.account, name: d.names.get(x.account) ?? x.account }));
}
