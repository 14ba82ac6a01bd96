import { EBS_REGION_FACTORS } from './region-factors.js';

/**
 * S3 storage, USD per GB-month, us-east-1, first 50 TB
 * (https://aws.amazon.com/s3/pricing/): Standard $0.023; Intelligent-Tiering's
 * Infrequent Access tier, where objects not accessed for 30 days move, $0.0125.
 * Other regions: the EBS factor (an approximation, like the rest of the table).
 */
export const S3_STANDARD_PER_GB_MONTH = 0.023;
export const S3_INTELLIGENT_INFREQUENT_PER_GB_MONTH = 0.0125;
const GIB = 2 ** 30;

/** Standard storage of `bytes` for a month in the region; null where the table has no factor. */
export function s3StandardMonthlyCost(region: string, bytes: number): number | null {
  const factor = EBS_REGION_FACTORS[region];
  return factor === undefined ? null : Math.round((bytes / GIB) * S3_STANDARD_PER_GB_MONTH * factor * 100) / 100;
}

/** What moving `share` of the bytes to Intelligent-Tiering's Infrequent Access tier saves a month. */
export function s3IntelligentTieringSaving(region: string, bytes: number, share: number): number | null {
  const factor = EBS_REGION_FACTORS[region];
  if (factor === undefined) return null;
  const perGb = S3_STANDARD_PER_GB_MONTH - S3_INTELLIGENT_INFREQUENT_PER_GB_MONTH;
  return Math.round((bytes / GIB) * share * perGb * factor * 100) / 100;
}
