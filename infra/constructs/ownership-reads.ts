import { FINDINGS_PREFIX } from './findings-prefix.js';
import type { JobResources } from './jobs.js';
import type { JobPermission } from './permissions.js';

/**
 * The ownership digest's reads in the account the job runs in: the untagged spend (one Cost Explorer request a
 * run) and the previous run's findings (realized savings), under the job's own findings prefix only.
 */
export const ownershipReads = (r: JobResources): JobPermission[] => [
  {
    actions: ['ce:GetCostAndUsage'],
    resources: ['*'],
    why: 'Untagged spend: one request a run; Cost Explorer has no resource-level permissions, ce:GetCostAndUsage only accepts Resource "*".',
  },
  {
    actions: ['s3:GetObject'],
    resources: [r.bucket.arnForObjects(`${FINDINGS_PREFIX}idle-resources/*`)],
    why: "Reads the previous run's findings (realized savings), under the job's own findings/idle-resources/ prefix only.",
  },
  {
    actions: ['s3:ListBucket'],
    resources: [r.bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': [`${FINDINGS_PREFIX}idle-resources/*`] } },
    why: "Finds the previous run's findings file; the s3:prefix condition limits listing to findings/idle-resources/.",
  },
];
