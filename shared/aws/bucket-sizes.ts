import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { attemptsOf } from './attempts.js';
import { explainAwsError } from './errors.js';

/**
 * Each bucket's Standard storage in bytes: CloudWatch's daily BucketSizeBytes
 * (StorageType StandardStorage), the newest datapoint of the last 3 days, from
 * ceil(buckets / 500) GetMetricData calls in the buckets' region. A bucket
 * S3 has published nothing for (new, or empty) is 0.
 */

const PER_CALL = 500;
const DAY_MS = 86_400_000;

export async function readStandardBytes(
  cw: CloudWatchClient,
  buckets: readonly string[],
  now: Date,
): Promise<{ bytes: Map<string, number>; requests: number }> {
  const bytes = new Map<string, number>(buckets.map((b) => [b, 0]));
  let requests = 0;
  const end = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  for (let i = 0; i < buckets.length; i += PER_CALL) {
    const batch = buckets.slice(i, i + PER_CALL);
    const queries: MetricDataQuery[] = batch.map((bucket, j) => ({
      Id: `b${j}`,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/S3',
          MetricName: 'BucketSizeBytes',
          Dimensions: [
            { Name: 'BucketName', Value: bucket },
            { Name: 'StorageType', Value: 'StandardStorage' },
          ],
        },
        Period: 86_400,
        Stat: 'Average',
      },
      ReturnData: true,
    }));
    let token: string | undefined;
    do {
      const out = await cw
        .send(
          new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: new Date(end.getTime() - 4 * DAY_MS),
            EndTime: end,
            ScanBy: 'TimestampDescending',
            NextToken: token,
          }),
        )
        .catch((err: unknown) => {
          throw explainAwsError(err, 'CloudWatch GetMetricData (AWS/S3 BucketSizeBytes)', 'cloudwatch:GetMetricData');
        });
      requests += attemptsOf(out);
      for (const r of out.MetricDataResults ?? []) {
        const bucket = batch[Number(r.Id?.slice(1))];
        const newest = r.Values?.[0];
        if (bucket !== undefined && newest !== undefined && !(bytes.get(bucket)! > 0)) bytes.set(bucket, newest);
      }
      token = out.NextToken;
    } while (token);
  }
  return { bytes, requests };
}
