import type { DayJudgement } from './judge.js';
import { weekdayName } from './weekday.js';

const SUFFIX: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd', 21: 'st', 22: 'nd', 23: 'rd', 31: 'st' };
const ordinal = (day: number) => `${day}${SUFFIX[day] ?? 'th'}`;

/**
 * What a day was compared with, in words for the Slack line:
 * "about $820 expected for a Tuesday", "about $52 expected for a Monday, the 1st of the month",
 * "about $60 a day three weeks ago" (drift), "new spend" (nothing before).
 */
export function describeBasis(j: DayJudgement, currency: string): string {
  const about = `about ${wholeMoney(roundForWords(j.compared), currency)}`;
  if (j.expected.basis === 'new' || j.compared <= 0) return 'new spend';
  if (j.basis === 'drift') return `${about} expected from its level three weeks before (a steady climb)`;
  if (j.expected.basis === 'short') return `${about} expected from its last ${j.expected.historyDays} days`;
  const monthly = j.expected.monthlyExtra > 0 ? `, the ${ordinal(Number(j.date.slice(8, 10)))} of the month` : '';
  return `${about} expected for a ${weekdayName(j.date)}${monthly}`;
}

/** "About $823.41" reads as false precision; two significant figures above $100 say what was meant. */
function roundForWords(amount: number): number {
  if (amount >= 100) {
    const magnitude = 10 ** (Math.floor(Math.log10(amount)) - 1);
    return Math.round(amount / magnitude) * magnitude;
  }
  return Math.round(amount);
}

/** "$820", not "$820.00": the figure is already an estimate. */
function wholeMoney(amount: number, currency: string): string {
  const digits = amount >= 10 ? 0 : 2;
  try {
    const options = { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits } as const;
    return new Intl.NumberFormat('en-US', options).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}
