import { addDays, dayRange, daysBetween, monthOf, type IsoDate } from '../../../shared/time/dates.js';
import { applyAnomalies, lastDay, plantedAnomalies, RI_FEE, type PlantedAnomaly } from './anomalies.js';
import { gaussian, seededRandom } from './rng.js';
import { EC2, SERVICES, type ServiceProfile } from './services.js';

/** One billing line, in the shape of the Cost Explorer double's CostRecord. */
export interface RealisticRecord {
  readonly date: IsoDate;
  readonly account?: string;
  readonly service: string;
  readonly amount: number;
  readonly recordType: string;
  readonly usageType?: string;
}

export interface RealisticScenario {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly records: RealisticRecord[];
  readonly anomalies: PlantedAnomaly[];
}

export interface RealisticOptions {
  /** @default 2026-07-01 */
  readonly start?: IsoDate;
  /** @default 5 */
  readonly months?: number;
  /** @default 7 */
  readonly seed?: number;
  /** false: the same bill without planted anomalies (to count false alerts alone). @default true */
  readonly anomalies?: boolean;
}

const isWeekday = (d: IsoDate) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
const cents = (n: number) => Math.round(n * 100) / 100;

function usageAmount(p: ServiceProfile, day: IsoDate, start: IsoDate, random: () => number): number {
  const grown = (1 + p.growth) ** (daysBetween(start, day) / 30);
  const base = (p.always + (isWeekday(day) ? p.weekdays : 0)) * grown;
  return Math.max(0, base * (1 + p.noise * gaussian(random)));
}

/**
 * Five months of a realistic bill, deterministic for a seed: usage with a weekday rhythm, growth and
 * noise; month-start postings of every record type (tax, support, reservation and Savings Plans
 * fees, hosted zones as usage); Savings Plans covered usage with its negation; daily credits and a
 * refund; and planted anomalies with their ground truth.
 */
export function realisticScenario(o: RealisticOptions = {}): RealisticScenario {
  const start = o.start ?? '2026-07-01';
  const end = lastDay(start, o.months ?? 5);
  const random = seededRandom(o.seed ?? 7);
  const anomalies = o.anomalies === false ? [] : plantedAnomalies(end);
  const records: RealisticRecord[] = [];
  const usageByMonth = new Map<string, number>();
  const push = (r: RealisticRecord) => {
    records.push({ ...r, amount: cents(r.amount) });
    if (r.recordType === 'Usage') usageByMonth.set(monthOf(r.date), (usageByMonth.get(monthOf(r.date)) ?? 0) + r.amount);
  };
  for (const day of dayRange(start, end)) {
    for (const p of SERVICES) {
      const amount = applyAnomalies(anomalies, p.service, day, usageAmount(p, day, start, random));
      push({ date: day, service: p.service, amount, recordType: 'Usage', usageType: p.usageType });
      if (p.monthly && day.endsWith('-01')) {
        push({ date: day, service: p.service, amount: p.monthly, recordType: 'Usage', usageType: 'HostedZone' });
      }
    }
    const extra = applyAnomalies(anomalies, 'Amazon SageMaker', day, 0);
    if (extra > 0)
      push({
        date: day,
        service: 'Amazon SageMaker',
        amount: extra * (1 + 0.03 * gaussian(random)),
        recordType: 'Usage',
        usageType: 'USE1-Notebook:ml.g5.xlarge',
      });
    monthStartCharges(day, start, anomalies, usageByMonth).forEach(push);
    // Savings Plans cover part of EC2: the covered usage and its negation cancel out, day by day.
    push({ date: day, service: EC2, amount: 48, recordType: 'Savings Plan Covered Usage', usageType: 'USE1-BoxUsage:c6i.large' });
    push({ date: day, service: EC2, amount: -48, recordType: 'Savings Plan Negation', usageType: 'USE1-BoxUsage:c6i.large' });
    push({ date: day, service: EC2, amount: -25, recordType: 'Credit' });
  }
  push({ date: addDays(end, -40), service: EC2, amount: -140, recordType: 'Refund' });
  return { start, end, records, anomalies };
}

/** On the 1st: the previous month's tax and support, the month's reservation and Savings Plans fees. */
function monthStartCharges(day: IsoDate, start: IsoDate, anomalies: readonly PlantedAnomaly[], usage: ReadonlyMap<string, number>) {
  if (!day.endsWith('-01')) return [];
  const previousUsage = usage.get(monthOf(addDays(day, -1))) ?? 1150 * 30;
  const ri = applyAnomalies(anomalies, RI_FEE, day, 2150);
  return [
    { date: day, service: 'Tax', amount: previousUsage * 0.07, recordType: 'Tax' },
    { date: day, service: 'AWS Support (Business)', amount: Math.max(100, previousUsage * 0.1), recordType: 'Support fee' },
    { date: day, service: EC2, amount: ri, recordType: RI_FEE, usageType: 'HeavyUsage:m5.xlarge' },
    {
      date: day,
      service: 'Savings Plans for AWS Compute usage',
      amount: 1440,
      recordType: 'Savings Plan Recurring Fee',
      usageType: 'ComputeSP:1yrNoUpfront',
    },
  ].filter(() => day >= start);
}
