import type { CostRecord } from '../cost-explorer-model.js';

/**
 * How each demo service's spend splits into usage types on a normal day, and
 * what changes on the spike day: the EC2 spike is mostly a new p3.2xlarge
 * fleet, the S3 spike mostly Tier-1 requests. Shares of a day's service spend;
 * each list sums to 1, so service totals are exactly what they were.
 */
const NORMAL: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  'Amazon Elastic Compute Cloud - Compute': [
    ['USE1-BoxUsage:m5.large', 0.6],
    ['USE1-BoxUsage:c5.2xlarge', 0.3],
    ['USE1-SpotUsage:c5.large', 0.1],
  ],
  'Amazon Simple Storage Service': [
    ['USE1-TimedStorage-ByteHrs', 0.7],
    ['USE1-Requests-Tier1', 0.2],
    ['USE1-DataTransfer-Out-Bytes', 0.1],
  ],
  'Amazon Relational Database Service': [
    ['USE1-InstanceUsage:db.r6g.large', 0.8],
    ['USE1-RDS:GP3-Storage', 0.2],
  ],
};

/** Spike-day shares of the (already multiplied) spike-day amount. */
const SPIKE_DAY: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  // ×1.6 overall: m5.large and c5.2xlarge up a little, p3.2xlarge new.
  'Amazon Elastic Compute Cloud - Compute': [
    ['USE1-BoxUsage:m5.large', (0.6 * 1.04) / 1.6],
    ['USE1-BoxUsage:c5.2xlarge', (0.3 * 1.1) / 1.6],
    ['USE1-SpotUsage:c5.large', 0.1 / 1.6],
    ['USE1-BoxUsage:p3.2xlarge', 1 - (0.6 * 1.04 + 0.3 * 1.1 + 0.1) / 1.6],
  ],
  // ×1.25 overall: Tier-1 requests more than double.
  'Amazon Simple Storage Service': [
    ['USE1-TimedStorage-ByteHrs', 0.7 / 1.25],
    ['USE1-Requests-Tier1', 0.45 / 1.25],
    ['USE1-DataTransfer-Out-Bytes', 0.1 / 1.25],
  ],
};

/** Splits usage records into usage types; other services get one `USE1-Usage` line. */
export function withUsageTypes(records: readonly CostRecord[], spikeDay: string): CostRecord[] {
  return records.flatMap((r) => {
    if (r.recordType && r.recordType !== 'Usage') return [r];
    const shares = (r.date === spikeDay ? SPIKE_DAY[r.service] : undefined) ?? NORMAL[r.service];
    if (!shares) return [{ ...r, usageType: r.usageType ?? 'USE1-Usage' }];
    return shares.map(([usageType, share]) => ({ ...r, usageType, amount: Math.round(r.amount * share * 10000) / 10000 }));
  });
}
