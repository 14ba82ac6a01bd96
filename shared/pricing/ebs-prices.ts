/**
 * EBS volume prices, USD per month, us-east-1. Source: the public AWS page
 * https://aws.amazon.com/ebs/pricing/, transcribed by hand (date in ./source.ts).
 * Refresh here; README.md says how.
 */

export interface EbsPrice {
  /** Per GB-month of provisioned size. */
  readonly perGbMonth: number;
  /** Per provisioned IOPS-month, by tier: [up to this many IOPS, price]; the last tier has no cap. */
  readonly iopsTiers?: ReadonlyArray<readonly [number, number]>;
  /** IOPS included in the storage price (gp3 gives 3,000 free). */
  readonly freeIops?: number;
  /** Per MiB/s-month above `freeThroughput` (gp3). */
  readonly perThroughputMonth?: number;
  readonly freeThroughput?: number;
}

export const EBS_PRICES: Readonly<Record<string, EbsPrice>> = {
  gp2: { perGbMonth: 0.1 },
  gp3: { perGbMonth: 0.08, iopsTiers: [[Infinity, 0.005]], freeIops: 3000, perThroughputMonth: 0.04, freeThroughput: 125 },
  io1: { perGbMonth: 0.125, iopsTiers: [[Infinity, 0.065]] },
  // io2 IOPS are tiered: the first 32,000, the next 32,000, and the rest.
  io2: {
    perGbMonth: 0.125,
    iopsTiers: [
      [32_000, 0.065],
      [64_000, 0.0455],
      [Infinity, 0.032],
    ],
  },
  st1: { perGbMonth: 0.045 },
  sc1: { perGbMonth: 0.015 },
  // Magnetic also bills per million I/O requests, which an unattached volume does not make.
  standard: { perGbMonth: 0.05 },
};

/** EBS snapshots, standard tier, per GB-month of snapshot data (source as above). */
export const SNAPSHOT_PER_GB_MONTH = 0.05;

export interface VolumeSpec {
  readonly volumeType: string;
  readonly sizeGiB: number;
  readonly iops?: number;
  readonly throughput?: number;
}

/** us-east-1 monthly price of a volume, or undefined for a type the table does not know. */
export function baseVolumeMonthlyPrice(v: VolumeSpec): number | undefined {
  const p = EBS_PRICES[v.volumeType];
  if (!p) return undefined;
  let total = v.sizeGiB * p.perGbMonth;
  if (p.iopsTiers && v.iops) {
    let remaining = Math.max(0, v.iops - (p.freeIops ?? 0));
    let floor = p.freeIops ?? 0;
    for (const [upTo, price] of p.iopsTiers) {
      const inTier = Math.min(remaining, upTo - floor);
      total += inTier * price;
      remaining -= inTier;
      floor = upTo;
      if (remaining <= 0) break;
    }
  }
  if (p.perThroughputMonth && v.throughput) total += Math.max(0, v.throughput - (p.freeThroughput ?? 0)) * p.perThroughputMonth;
  return total;
}
