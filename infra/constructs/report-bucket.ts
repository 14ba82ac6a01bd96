import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ReportBucketProps {
  /**
   * Key prefix of the monthly report objects (`<prefix><YYYY-MM>/cost-report.*`).
   * @default 'reports/'
   */
  readonly reportPrefix?: string;
  /**
   * Key prefix of the jobs' findings (idle resources and the like).
   * @default 'findings/'
   */
  readonly findingsPrefix?: string;
  /**
   * How long findings are kept before S3 deletes them.
   * @default Duration.days(400)
   */
  readonly findingsExpiration?: Duration;
}

/**
 * The bucket for reports and findings: private, SSE-S3, TLS 1.2+ only,
 * versioned, with server access logs in a separate bucket. Reports move to
 * cheaper storage as they age (finance rarely reopens an old month); findings
 * expire after a little more than a year, enough for year-on-year comparisons.
 */
export class ReportBucket extends Construct {
  /** Reports and findings. */
  readonly bucket: Bucket;
  /** Server access logs of `bucket`. */
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: ReportBucketProps = {}) {
    super(scope, id);
    const { reportPrefix = 'reports/', findingsPrefix = 'findings/', findingsExpiration = Duration.days(400) } = props;
    if (findingsPrefix === '')
      throw new Error('ReportBucket: `findingsPrefix` must not be empty; findings would expire every object in the bucket');
    if (reportPrefix.startsWith(findingsPrefix) || findingsPrefix.startsWith(reportPrefix))
      throw new Error(
        `ReportBucket: \`reportPrefix\` ("${reportPrefix}") and \`findingsPrefix\` ("${findingsPrefix}") overlap; choose distinct prefixes`,
      );
    if (findingsExpiration.toDays() < 1) throw new Error('ReportBucket: `findingsExpiration` must be at least 1 day');

    const common = {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Finance data and its audit trail outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    };

    // SSE-S3 because S3 server access logging cannot deliver to an SSE-KMS bucket.
    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      ...common,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "This bucket is the destination of the report bucket's access logs; logging it in turn would only record S3's own log deliveries.",
    });

    this.bucket = new Bucket(this, 'Bucket', {
      ...common,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'report-bucket/',
      // Objects under 128 KB stay in Standard: S3 lifecycle skips them by default,
      // which is what we want since IA would bill each as 128 KB.
      lifecycleRules: [
        {
          id: 'age-reports',
          prefix: reportPrefix,
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) },
          ],
        },
        { id: 'expire-findings', prefix: findingsPrefix, expiration: findingsExpiration },
        // A re-run overwrites the month's report; keep the old version for 90 days.
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }
}
