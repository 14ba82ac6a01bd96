import { GetBucketLifecycleConfigurationCommand, GetBucketLocationCommand, ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';
import { mapLimit } from '../concurrency.js';
import { attemptsOf } from './attempts.js';
import { explainAwsError } from './errors.js';

/**
 * The account's buckets with their region and whether a lifecycle
 * configuration exists: ListBuckets (paged), the region from ListBuckets when
 * S3 gives it (else GetBucketLocation), then GetBucketLifecycleConfiguration
 * in the bucket's region, where S3 answers it. No configuration is S3's
 * NoSuchLifecycleConfiguration error.
 */

export interface BucketLifecycle {
  readonly bucket: string;
  readonly region: string;
  readonly hasLifecycle: boolean;
}

const CONCURRENCY = 8;

/** GetBucketLocation's answer: empty is us-east-1, "EU" the old name of eu-west-1. */
const regionOf = (constraint: string | undefined) => (!constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint);

export async function readBucketLifecycles(
  s3In: (region?: string) => S3Client,
): Promise<{ buckets: BucketLifecycle[]; requests: Record<string, number> }> {
  const requests: Record<string, number> = { ListBuckets: 0, GetBucketLocation: 0, GetBucketLifecycleConfiguration: 0 };
  const count = (op: string, outcome: unknown) => (requests[op] = (requests[op] ?? 0) + attemptsOf(outcome));
  const listed: Array<{ name: string; region?: string }> = [];
  let token: string | undefined;
  try {
    do {
      const page = await s3In().send(new ListBucketsCommand({ ContinuationToken: token }));
      count('ListBuckets', page);
      for (const b of page.Buckets ?? []) if (b.Name) listed.push({ name: b.Name, region: b.BucketRegion });
      token = page.ContinuationToken;
    } while (token);
  } catch (err) {
    throw explainAwsError(err, 'S3 ListBuckets', 's3:ListAllMyBuckets');
  }
  const buckets = await mapLimit(listed, CONCURRENCY, async (b): Promise<BucketLifecycle> => {
    let region = b.region;
    if (!region) {
      const loc = await s3In()
        .send(new GetBucketLocationCommand({ Bucket: b.name }))
        .catch((err: unknown) => {
          throw explainAwsError(err, `S3 GetBucketLocation (${b.name})`, 's3:GetBucketLocation');
        });
      count('GetBucketLocation', loc);
      region = regionOf(loc.LocationConstraint);
    }
    try {
      const out = await s3In(region).send(new GetBucketLifecycleConfigurationCommand({ Bucket: b.name }));
      count('GetBucketLifecycleConfiguration', out);
      return { bucket: b.name, region, hasLifecycle: (out.Rules ?? []).length > 0 };
    } catch (err) {
      count('GetBucketLifecycleConfiguration', err);
      if ((err as { name?: string }).name === 'NoSuchLifecycleConfiguration') return { bucket: b.name, region, hasLifecycle: false };
      throw explainAwsError(err, `S3 GetBucketLifecycleConfiguration (${b.name})`, 's3:GetLifecycleConfiguration');
    }
  });
  return { buckets, requests };
}
