import { PRICE_TABLE } from '../../pricing/index.js';

/** One sentence per lever: how its saving was estimated, assumptions stated. */

/** Share of a bucket's Standard bytes assumed older than 30 days and not read since (the storage lever's assumption). */
export const COLD_SHARE = 0.5;

export const BASIS = {
  rightsizing:
    'Cost Explorer rightsizing recommendations (EC2, last 14 days, same instance family): the estimated monthly saving ' +
    'of each default target; instances already counted in waste are left out.',
  commitments:
    'Cost Explorer purchase recommendations over the last 30 days for Compute Savings Plans and for RDS and ElastiCache ' +
    'reserved instances, 1 year, no upfront: AWS’s estimated monthly saving of each purchase; alternatives for the same usage ' +
    'are counted once, the largest.',
  spot: (tag: string, environments: readonly string[], discountPct: number) =>
    `On-demand EC2 compute spend of the month tagged ${tag} = ${environments.join(', ')} (Spot usage excluded), ` +
    `times an assumed typical Spot discount of ${discountPct}% (Spot prices vary by instance type, zone and time).`,
  'data-transfer':
    'Cost Explorer data transfer usage types of the month by kind (inter-AZ, inter-region, internet out, NAT gateway ' +
    'processing) against the month before; no saving is estimated, and a kind that grew past the spike thresholds is a ' +
    'finding to look into.',
  graviton:
    `Running x86 EC2 and RDS instances in the scanned regions at on-demand prices × ${PRICE_TABLE.hoursPerMonth} hours ` +
    `from the bundled price table (as of ${PRICE_TABLE.asOf}), against the same size in the Graviton family ` +
    '(m5 → m7g, c5 → c7g, r5 → r7g, t3 → t4g, db.m5 → db.m7g, db.r5 → db.r7g, …).',
  'storage-class':
    'S3 Standard storage of buckets without a lifecycle configuration (CloudWatch BucketSizeBytes), ' +
    `assuming ${COLD_SHARE * 100}% of it is older than 30 days and unread, so that moving it to S3 Intelligent-Tiering ` +
    'bills it at the Infrequent Access tier ($0.0125 instead of $0.023 per GB-month in us-east-1; monitoring fees not counted).',
} as const;
