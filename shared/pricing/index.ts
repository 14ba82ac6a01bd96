import { roundCents } from '../money.js';
import { baseVolumeMonthlyPrice, EBS_PRICES, SNAPSHOT_PER_GB_MONTH, type VolumeSpec } from './ebs-prices.js';
import { baseHourlyPrice } from './ec2-prices.js';
import { NETWORK_HOURLY, NETWORK_REGION_FACTORS } from './network-prices.js';
import { baseRdsHourlyPrice } from './rds-prices.js';
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

const monthly = (hourly: number, factor: number | undefined) =>
  factor === undefined ? null : roundCents(hourly * factor * PRICE_TABLE.hoursPerMonth);

/** A public IPv4 address: the same hourly price in every commercial region. */
export function publicIpv4MonthlyCost(region: string): number | null {
  return monthly(NETWORK_HOURLY.publicIpv4, EC2_REGION_FACTORS[region] === undefined ? undefined : 1);
}

/** NAT gateway hours (data processing is what idle gateways do not have). */
export function natGatewayMonthlyCost(region: string): number | null {
  return monthly(NETWORK_HOURLY.natGateway, NETWORK_REGION_FACTORS[region]);
}

/** Load balancer hours of an ALB or NLB; other types (gateway, classic) are not in the table. */
export function loadBalancerMonthlyCost(region: string, type: string): number | null {
  const hourly =
    type === 'application' ? NETWORK_HOURLY.applicationLoadBalancer : type === 'network' ? NETWORK_HOURLY.networkLoadBalancer : undefined;
  return hourly === undefined ? null : monthly(hourly, NETWORK_REGION_FACTORS[region]);
}

/** GiB × the standard snapshot GB-month price. */
export function snapshotMonthlyCost(region: string, sizeGiB: number): number | null {
  const factor = EBS_REGION_FACTORS[region];
  return factor === undefined ? null : roundCents(sizeGiB * SNAPSHOT_PER_GB_MONTH * factor);
}

/** What moving a gp2 volume to gp3 saves a month: GiB × (gp2 − gp3). */
export function gp2ToGp3MonthlySaving(region: string, sizeGiB: number): number | null {
  const factor = EBS_REGION_FACTORS[region];
  if (factor === undefined) return null;
  return roundCents(sizeGiB * (EBS_PRICES.gp2!.perGbMonth - EBS_PRICES.gp3!.perGbMonth) * factor);
}

/** On-demand RDS price × 730 hours; Multi-AZ runs a standby, so it is twice the single-AZ rate. */
export function rdsMonthlyCost(region: string, engine: string, instanceClass: string, multiAz: boolean): number | null {
  const hourly = baseRdsHourlyPrice(engine, instanceClass);
  const factor = EC2_REGION_FACTORS[region];
  if (hourly === undefined || factor === undefined) return null;
  return roundCents(hourly * (multiAz ? 2 : 1) * factor * PRICE_TABLE.hoursPerMonth);
}
