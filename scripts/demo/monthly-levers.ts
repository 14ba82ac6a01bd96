/**
 * The savings levers part of the monthly-report demo: usage lines for the
 * Cost Explorer double (instance hours to commit to, on-demand EC2 in dev and
 * staging, a Spot line that must not count, data transfer that grew), and in
 * moto x86 instances with Graviton equivalents, an instance already on
 * Graviton (never listed) and a bucket in Standard without a lifecycle rule,
 * with the BucketSizeBytes S3 would publish for it. No database: an RDS
 * instance created here makes moto 5.2.1's /moto-api/data.json answer 500,
 * which the demo's SES outbox reads (the idle-resources part seeds Graviton databases).
 */
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { EC2Client, RunInstancesCommand, type _InstanceType } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { CostRecord } from '../../emulators/cost-explorer.js';
import type { MonthlyReportResult } from '../../shared/jobs/monthly-report/result.js';
import { leverLines } from '../../shared/report/email/levers.js';
import { NO_COMMITMENTS, type FinOpsReview } from '../../shared/review/types.js';
import { addDays, addMonths, dayRange, firstDayOfMonth, monthEndExclusive, monthOf, type IsoMonth } from '../../shared/time/dates.js';

const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const EC2_OTHER = 'EC2 - Other';

/** Per day: [service, usage type, hours (quantity), $ before, $ in the month, tags]. */
const USAGE: Array<[string, string, number, number, number, Record<string, string>]> = [
  // Production runs all day every day: what a Compute Savings Plan covers.
  [EC2, 'USE1-BoxUsage:m5.2xlarge', 96, 36.86, 36.86, { env: 'production', team: 'web' }],
  // Non-production on demand: the Spot candidates.
  [EC2, 'USE1-BoxUsage:m5.xlarge', 48, 9.22, 9.22, { env: 'staging', team: 'web' }],
  [EC2, 'USE1-BoxUsage:c5.large', 24, 2.04, 2.04, { env: 'dev', team: 'platform' }],
  // Already on Spot: excluded from the Spot lever.
  [EC2, 'USE1-SpotUsage:m5.large', 24, 0.9, 0.9, { env: 'test', team: 'platform' }],
  ['Amazon Relational Database Service', 'USE1-InstanceUsage:db.r5.large', 48, 12, 12, { team: 'data' }],
  ['Amazon ElastiCache', 'USE1-NodeUsage:cache.r6g.large', 72, 14.83, 14.83, { team: 'web' }],
  // Data transfer: inter-AZ triples (a finding), the rest steady.
  [EC2_OTHER, 'USE1-DataTransfer-Regional-Bytes', 0, 3.1, 9.4, { team: 'web' }],
  [EC2_OTHER, 'USE1-NatGateway-Bytes', 0, 1.5, 1.6, { team: 'platform' }],
  [EC2_OTHER, 'USE1-USW2-AWS-Out-Bytes', 0, 0.8, 0.85, { team: 'data' }],
  ['Amazon Simple Storage Service', 'USE1-DataTransfer-Out-Bytes', 0, 2, 2.2, { team: 'data' }],
];

/** The levers' usage lines for the month and the one before, in `accountId` when given. */
export function leversDataset(month: IsoMonth, accountId?: string): CostRecord[] {
  const days = dayRange(firstDayOfMonth(addMonths(month, -1)), addDays(monthEndExclusive(month), -1));
  return days.flatMap((date) =>
    USAGE.map(([service, usageType, hours, before, after, tags]) => ({
      date,
      service,
      usageType,
      amount: monthOf(date) === month ? after : before,
      tags,
      ...(hours ? { quantity: hours } : {}),
      ...(accountId ? { linkedAccount: accountId } : {}),
    })),
  );
}

export const DEMO_COLD_BUCKET = 'cost-watch-demo-logs-archive';
const STANDARD_BYTES = 8 * 2 ** 40;

interface ClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** The levers' resources in moto (us-east-1): the Graviton candidates and the bucket with no lifecycle rule. */
export async function seedLeverResources(config: ClientConfig, now = new Date()): Promise<void> {
  const ec2 = new EC2Client(config);
  const run = (type: string, name: string) =>
    ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: type as _InstanceType,
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
      }),
    );
  await Promise.all([
    run('m5.2xlarge', 'api-prod-1'),
    run('c5.xlarge', 'ci-runner-3'),
    run('m7g.large', 'already-graviton'),
    run('r5.large', 'reports-worker'),
  ]);
  await new S3Client({ ...config, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: DEMO_COLD_BUCKET }));
  // S3 publishes BucketSizeBytes once a day; moto's own figure (today, 0 bytes: the bucket is empty) is skipped as empty.
  await new CloudWatchClient({ ...config, disableRequestCompression: true }).send(
    new PutMetricDataCommand({
      Namespace: 'AWS/S3',
      MetricData: [
        {
          MetricName: 'BucketSizeBytes',
          Dimensions: [
            { Name: 'BucketName', Value: DEMO_COLD_BUCKET },
            { Name: 'StorageType', Value: 'StandardStorage' },
          ],
          Timestamp: new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - 86_400_000),
          Value: STANDARD_BYTES,
          Unit: 'Bytes',
        },
      ],
    }),
  );
}

/** One line per lever for the demo's output, from the report's JSON result (the same lines as the finance email). */
export function describeLevers(result: unknown): string {
  const r = result as Partial<MonthlyReportResult>;
  if (!r.levers?.length) return 'Savings levers: none in this report.';
  const review = {
    levers: { levers: r.levers, totalDedupedSavings: r.totalDedupedSavings ?? 0 },
    gaps: r.reviewGaps ?? [],
    commitments: r.commitments ?? NO_COMMITMENTS,
  } as Pick<FinOpsReview, 'levers' | 'gaps' | 'commitments'> as FinOpsReview;
  return ['Savings levers:', ...leverLines(review, r.currency ?? 'USD').map(([label, value]) => `  ${label}: ${value}`)].join('\n');
}
