import type { CostRecord } from '../cost-explorer-model.js';
import { addDays, dayRange } from '../../shared/time/dates.js';
import { withUsageTypes } from './usage-types.js';

/**
 * A realistic account for demos, tests and benchmarks: about a dozen services
 * with a weekday rhythm and a little noise, credits that must be ignored, and
 * on `spikeDay`: EC2 +60% (critical), S3 +25% (warning) and SNS going from
 * $0.02 to $0.09 (+350%, but under minDelta, so suppressed).
 */
export const BASE_DAILY_SPEND: Readonly<Record<string, number>> = {
  'Amazon Elastic Compute Cloud - Compute': 400,
  'Amazon Relational Database Service': 180,
  'Amazon Simple Storage Service': 80,
  'Amazon DynamoDB': 40,
  'Amazon Virtual Private Cloud': 35,
  'Amazon CloudFront': 30,
  AmazonCloudWatch: 25,
  'Elastic Load Balancing': 22,
  'AWS Lambda': 15,
  'Amazon Simple Queue Service': 4,
  'AWS Key Management Service': 3,
  'Amazon Route 53': 1.5,
  'Amazon Simple Notification Service': 0.02,
};

export const SPIKES: Readonly<Record<string, number>> = {
  'Amazon Elastic Compute Cloud - Compute': 1.6,
  'Amazon Simple Storage Service': 1.25,
};

export const TINY_SERVICE = 'Amazon Simple Notification Service';

export interface ScenarioOptions {
  /** The day the spikes land on (the day daily-spend evaluates). */
  readonly spikeDay: string;
  /** @default 35 days of history before spikeDay */
  readonly historyDays?: number;
  /** Extra services, to test pagination: this many "Service NNN" at $5 a day. @default 0 */
  readonly extraServices?: number;
}

/** Deterministic noise (±2%), so runs are repeatable and noise never trips the 20% rule. */
function noise(day: string, service: string): number {
  let h = 2166136261;
  for (const ch of `${day}|${service}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return 1 + (((h >>> 0) % 4001) / 100000 - 0.02);
}

/** Weekends run about 10% lighter (batch and dev environments stop). */
const rhythm = (day: string) => ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) ? 0.9 : 1);

export function dailySpendScenario(o: ScenarioOptions): CostRecord[] {
  const services: Record<string, number> = { ...BASE_DAILY_SPEND };
  for (let i = 0; i < (o.extraServices ?? 0); i++) services[`Service ${String(i).padStart(3, '0')}`] = 5;
  const records: CostRecord[] = [];
  for (const day of dayRange(addDays(o.spikeDay, -(o.historyDays ?? 35)), o.spikeDay)) {
    for (const [service, base] of Object.entries(services)) {
      let amount = service === TINY_SERVICE ? base : base * rhythm(day) * noise(day, service);
      if (day === o.spikeDay) amount = service === TINY_SERVICE ? 0.09 : amount * (SPIKES[service] ?? 1);
      records.push({ date: day, service, amount: Math.round(amount * 10000) / 10000 });
    }
    // A daily credit that would hide the EC2 spike if it were counted.
    records.push({
      date: day,
      service: 'Amazon Elastic Compute Cloud - Compute',
      amount: day === o.spikeDay ? -250 : -5,
      recordType: 'Credit',
    });
  }
  return withUsageTypes(records, o.spikeDay);
}
