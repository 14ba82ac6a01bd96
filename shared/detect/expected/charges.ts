import { addMonths, monthOf, type IsoDate, type IsoMonth } from '../../time/dates.js';
import { assessChange, type SpikeRules, type SpikeSeverity } from '../spike.js';

/**
 * How a RECORD_TYPE is judged. `usage` day over day; `charge` (tax, support, reservation and Savings
 * Plans fees, other fees) month over month; `credit` (credits, refunds, discounts) never: it is not spend.
 */
export type RecordKind = 'usage' | 'charge' | 'credit';

/** Cost Explorer spells record types as the console does ("Savings Plan Covered Usage"), Cost Categories as the CUR does. */
const USAGE = new Set(['usage', 'discountedusage', 'reservationappliedusage', 'savingsplancoveredusage', 'savingsplannegation']);
const CREDIT = new Set(['credit', 'refund']);

const normalise = (recordType: string) => recordType.toLowerCase().replace(/[^a-z]/g, '');

/** Anything unknown is a charge: a new kind of fee must be judged somewhere, and monthly is the safe place. */
export function recordKind(recordType: string): RecordKind {
  const key = normalise(recordType);
  if (USAGE.has(key)) return 'usage';
  if (CREDIT.has(key) || key.includes('discount')) return 'credit';
  return 'charge';
}

export interface ChargePosting {
  readonly date: IsoDate;
  readonly recordType: string;
  readonly amount: number;
}

export interface ChargeJudgement {
  readonly month: IsoMonth;
  readonly recordType: string;
  /** This month so far. */
  readonly amount: number;
  /** The whole month before. */
  readonly previous: number;
  readonly changePct: number | null;
  readonly severity: SpikeSeverity;
}

/**
 * Charges month over month: the month of `date` so far against the whole previous month, per record
 * type, with the contract's spike rule. Charges post once a month (mostly on the 1st), so the month so
 * far is the month; a later posting (tax finalised on the 5th) is judged when it lands. The alert
 * period is the month, so each record type alerts at most once a month per severity.
 */
export function judgeCharges(postings: readonly ChargePosting[], date: IsoDate, rules: SpikeRules): ChargeJudgement[] {
  const month = monthOf(date);
  const previousMonth = addMonths(month, -1);
  const sums = new Map<string, { amount: number; previous: number }>();
  for (const p of postings) {
    if (recordKind(p.recordType) !== 'charge' || p.date > date) continue;
    const m = monthOf(p.date);
    if (m !== month && m !== previousMonth) continue;
    const s = sums.get(p.recordType) ?? { amount: 0, previous: 0 };
    if (m === month) s.amount += p.amount;
    else s.previous += p.amount;
    sums.set(p.recordType, s);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([recordType, s]) => ({ month, recordType, ...assessChange(s.amount, s.previous, rules) }));
}
