import { roundCents } from '../money.js';
import { addDays, dayRange, firstDayOfMonth, monthOf, type IsoDate } from '../time/dates.js';
import type { DailyEvaluation, DailyRules, DaySpend, Spike } from './daily-spend.js';
import { TOTAL_KEY } from './daily-spend.js';
import { describeBasis, judgeCharges, seriesJudge, type ChargePosting } from './expected/index.js';
import type { OrgDaySpend } from './org-spend.js';

/** A month's posting of one non-usage record type; `account` null for a single account. */
export interface AccountCharge extends ChargePosting {
  readonly account: string | null;
}

export interface SeasonalInput {
  /** Usage only, oldest first; the first day fetched is `from` (days before it are unknown, not 0). */
  readonly days: readonly (DaySpend | OrgDaySpend)[];
  readonly from: IsoDate;
  /** Charges (tax, support, fees), judged month over month; empty when the run did not read them. */
  readonly charges: readonly AccountCharge[];
  readonly date: IsoDate;
  readonly rules: DailyRules;
  readonly currency: string;
  /** Set in an organization: each account's total and services are judged as their own series. */
  readonly nameOf?: (account: string) => string;
}

type On = (d: IsoDate) => number;
interface Series {
  readonly scope: Spike['scope'];
  readonly key: string;
  readonly account: string | null;
  readonly on: On;
  /** Only days the series has a record on are judged (a quiet day is never a spike); the total always. */
  readonly judgedOn: (d: IsoDate) => boolean;
}

const sum = (m: ReadonlyMap<string, number> | undefined) => [...(m?.values() ?? [])].reduce((a, x) => a + x, 0);

/**
 * Daily spend judged against expected spend: each series (the total, each account, each service)
 * with its own seasonal model, one alert per episode (unless severity rises), and charges month
 * over month. The same day re-derives the same decision in every run, so the alert id stays
 * (day, scope, key, severity).
 */
export function evaluateSeasonal(input: SeasonalInput): DailyEvaluation {
  const { days, date, rules, currency, nameOf } = input;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const totalOn: On = (d) => sum(byDate.get(d)?.byService);
  const series: Series[] = [{ scope: 'total', key: TOTAL_KEY, account: null, on: totalOn, judgedOn: () => true }];
  if (nameOf) {
    const accounts = [...new Set(days.flatMap((d) => [...((d as OrgDaySpend).byAccount?.keys() ?? [])]))].sort();
    for (const account of accounts) {
      const of = (d: IsoDate) => (byDate.get(d) as OrgDaySpend | undefined)?.byAccount.get(account);
      series.push({ scope: 'account', key: account, account, on: (d) => sum(of(d)), judgedOn: (d) => of(d) !== undefined });
      const services = new Set(days.flatMap((d) => [...((d as OrgDaySpend).byAccount.get(account)?.keys() ?? [])]));
      for (const s of [...services].sort()) {
        series.push({ scope: 'service', key: s, account, on: (d) => of(d)?.get(s) ?? 0, judgedOn: (d) => of(d)?.has(s) ?? false });
      }
    }
  } else {
    const services = new Set(days.flatMap((d) => [...d.byService.keys()]));
    for (const s of [...services].sort()) {
      const on: On = (d) => byDate.get(d)?.byService.get(s) ?? 0;
      series.push({ scope: 'service', key: s, account: null, on, judgedOn: (d) => byDate.get(d)?.byService.has(s) ?? false });
    }
  }

  const judged = Array.from({ length: rules.recheckDays + 1 }, (_, back) => addDays(date, -back));
  const spikes: Spike[] = [];
  let total: DailyEvaluation['total'] = { amount: 0, previous: 0, changePct: 0, severity: 'none' };
  for (const s of series) {
    const judge = seriesJudge({ from: input.from, amountOn: s.on }, rules);
    if (s.scope === 'total') {
      const t = judge.day(date);
      total = { amount: t.amount, previous: roundCents(t.compared), changePct: t.changePct, severity: t.severity };
    }
    for (const day of judged) {
      if (day < input.from || !s.judgedOn(day)) continue;
      const e = judge.episode(day);
      if (!e.alert || e.severity === 'none') continue;
      const expected = roundCents(e.compared);
      spikes.push({
        date: day,
        scope: s.scope,
        key: s.key,
        account: s.account,
        accountName: s.account && nameOf ? nameOf(s.account) : null,
        amount: e.amount,
        previous: expected,
        changePct: e.changePct,
        severity: e.severity,
        series: lastWeek(s.on, day),
        expected,
        baseline: e.basis,
        episodeStart: e.episodeStart,
        basis: describeBasis(e, currency),
      });
    }
  }
  spikes.push(...chargeSpikes(input.charges, judged, rules, nameOf));
  const monthStart = firstDayOfMonth(monthOf(date));
  const chargesThisMonth = input.charges.filter((c) => c.date >= monthStart && c.date <= date).reduce((a, c) => a + c.amount, 0);
  const monthToDate = roundCents(dayRange(monthStart, date).reduce((acc, d) => acc + totalOn(d), 0) + chargesThisMonth);
  return {
    date,
    estimated: Boolean(byDate.get(date)?.estimated),
    total,
    totalSeries: lastWeek(totalOn, date),
    monthToDate,
    spikes: spikes.sort((a, b) => b.date.localeCompare(a.date)),
  };
}

/** A total alone (a team's accounts on its routed message): the day against its expected spend. */
export function judgeTotal(days: readonly DaySpend[], from: IsoDate, date: IsoDate, rules: DailyRules): DailyEvaluation['total'] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const t = seriesJudge({ from, amountOn: (d) => sum(byDate.get(d)?.byService) }, rules).day(date);
  return { amount: t.amount, previous: roundCents(t.compared), changePct: t.changePct, severity: t.severity };
}

function lastWeek(on: On, end: IsoDate): number[] {
  return dayRange(addDays(end, -6), end).map((d) => roundCents(on(d)));
}

/**
 * Charges month over month, per record type (and account): each month judged once per run, as of
 * its newest judged day, so re-checked days of the same month do not repeat it. Period: the month.
 */
export function chargeSpikes(
  charges: readonly AccountCharge[],
  judged: IsoDate[],
  rules: DailyRules,
  nameOf?: (a: string) => string,
): Spike[] {
  const newestPerMonth = new Map<string, IsoDate>();
  for (const d of judged) if (!newestPerMonth.has(monthOf(d))) newestPerMonth.set(monthOf(d), d);
  const accounts = [...new Set(charges.map((c) => c.account))];
  const spikes: Spike[] = [];
  for (const [month, day] of newestPerMonth) {
    for (const account of accounts) {
      const mine = charges.filter((c) => c.account === account);
      for (const c of judgeCharges(mine, day, rules)) {
        if (c.severity === 'none') continue;
        spikes.push({
          date: day,
          scope: 'charges',
          key: c.recordType,
          account,
          accountName: account && nameOf ? nameOf(account) : null,
          amount: c.amount,
          previous: c.previous,
          changePct: c.changePct,
          severity: c.severity,
          series: [],
          period: month,
        });
      }
    }
  }
  return spikes;
}
