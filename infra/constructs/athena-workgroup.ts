import { Aws } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Where Athena writes query results in the report bucket: the stack's own prefix, expired quickly. */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';

export interface ReportWorkgroupProps {
  readonly name: string;
  /** `containers.athena.scanLimitGiB`: Athena cancels a query that would scan more. */
  readonly scanLimitGiB: number;
  readonly resultsBucket: IBucket;
}

/**
 * The workgroup the report's queries run in. Its settings are enforced, so a
 * query cannot pick another output location or skip encryption, and the
 * bytes-scanned cutoff bounds what one query can cost ($5 per TB scanned).
 */
export class ReportWorkgroup extends Construct {
  readonly workgroup: CfnWorkGroup;

  constructor(scope: Construct, id: string, props: ReportWorkgroupProps) {
    super(scope, id);
    this.workgroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: props.name,
      description: 'cost-watch: Kubernetes cost queries of the monthly report',
      state: 'ENABLED',
      // Deleting the stack also deletes the workgroup's saved queries; it has none of its own.
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        bytesScannedCutoffPerQuery: bytesScannedCutoff(props.scanLimitGiB),
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: `s3://${props.resultsBucket.bucketName}/${ATHENA_RESULTS_PREFIX}`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
          expectedBucketOwner: Aws.ACCOUNT_ID,
        },
      },
    });
  }
}

/** Athena's cutoff is in bytes, at least 10 MB. */
export function bytesScannedCutoff(gib: number): number {
  return Math.max(10_000_000, Math.round(gib * 1024 ** 3));
}
