import { roundCents } from '../money.js';
import { baseVolumeMonthlyPrice, type VolumeSpec } from './ebs-prices.js';
import { baseHourlyPrice } from './ec2-prices.js';
import { EBS_REGION_FACTORS, EC2_REGION_FACTORS } from './region-factors.js';
import { PRICE_TABLE } from './source.js';

export { PRICE_TABLE } from './source.js';
export type { VolumeSpec } from './ebs-prices.js';

/**
 * Price lookups over the bundled table. Each answers null when the table does
 * not know the type or the region: an unknown price is reported as unknown,
 * never guessed, so the savings total only adds what is known.
 */

/** On-demand Linux price × 730 hours, rounded to cents. */
export function instanceMonthlyCost(region: string, instanceType: string): number | null {
  const hourly = baseHourlyPrice(instanceType);
  const factor = EC2_REGION_FACTORS[region];
  if (hourly === undefined || factor === undefined) return null;
  return roundCents(hourly * factor * PRICE_TABLE.hoursPerMonth);
}

/** GiB × the type's GB-month price, plus provisioned IOPS/throughput where billed; rounded to cents. */
export function volumeMonthlyCost(region: string, volume: VolumeSpec): number | null {
  const base = baseVolumeMonthlyPrice(volume);
  const factor = EBS_REGION_FACTORS[region];
  if (base === undefined || factor === undefined) return null;
  return roundCents(base * factor);
}
