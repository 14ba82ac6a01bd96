import { Annotations, Aws, Duration } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DEFAULT_EXPORT_NAME, resolveContainers, type ContainersConfig } from '../../shared/config/containers.js';
import { ConfigError } from '../../shared/errors.js';
import { ATHENA_RESULTS_PREFIX, ReportWorkgroup } from './athena-workgroup.js';
import { Cur2Catalog } from './cur2-catalog.js';
import { Cur2Export } from './cur2-export.js';
import type { JobPermission } from './permissions.js';
import type { ReportBucket } from './report-bucket.js';

/** Data Exports accepts fewer characters in an export name than an S3 folder would. */
const EXPORT_NAME = /^[0-9A-Za-z_-]{1,128}$/;

export interface ContainersDataProps {
  readonly config: ContainersConfig;
  /** The report bucket: Athena's results go under their own prefix there; its log bucket takes the export bucket's logs. */
  readonly reports: ReportBucket;
  readonly reportPrefix: string;
}

/**
 * Kubernetes cost, deployed: the CUR 2.0 export and its bucket, the Glue table
 * over it and the Athena workgroup the monthly report queries, plus the
 * read-only permissions the report function gets for them (and nothing else does).
 */
export class ContainersData extends Construct {
  readonly export: Cur2Export;
  readonly catalog: Cur2Catalog;
  readonly workgroup: ReportWorkgroup;
  /** The report function's grants: run queries in the workgroup, read the table and the export, write results. */
  readonly permissions: JobPermission[];
  /** `containers` as the deployed report reads it: Athena, and the export this stack names. */
  readonly deployedConfig: ContainersConfig;

  constructor(scope: Construct, id: string, props: ContainersDataProps) {
    super(scope, id);
    const resolved = resolveContainers(props.config);
    const where = resolved.export;
    if (where.kind !== 's3')
      throw new ConfigError('containers.export: the stack creates the export in S3; set "bucket" (and "prefix"), "path" is for local runs');
    const exportName = where.name ?? DEFAULT_EXPORT_NAME;
    if (!EXPORT_NAME.test(exportName))
      throw new ConfigError(`containers.export.name: Data Exports names allow letters, digits, "-" and "_" only, got "${exportName}"`);
    const prefix = props.reportPrefix;
    // The results prefix expires after a day: reports must not live under it.
    if (prefix !== '' && (prefix.startsWith(ATHENA_RESULTS_PREFIX) || ATHENA_RESULTS_PREFIX.startsWith(prefix)))
      throw new ConfigError(
        `report.prefix: "${props.reportPrefix}" overlaps "${ATHENA_RESULTS_PREFIX}", where Athena writes query results`,
      );
    if (resolved.engine === 'duckdb')
      Annotations.of(this).addInfo('cost-watch: containers.engine "duckdb" is for local runs; the deployed report queries Athena');

    const { athena } = resolved;
    this.export = new Cur2Export(this, 'Export', {
      bucketName: where.bucket,
      prefix: where.prefix,
      exportName,
      accessLogsBucket: props.reports.accessLogsBucket,
    });
    this.catalog = new Cur2Catalog(this, 'Catalog', {
      database: athena.database,
      table: athena.table,
      bucketName: this.export.bucket.bucketName,
      dataKeyPrefix: this.export.dataKeyPrefix,
    });
    this.workgroup = new ReportWorkgroup(this, 'Athena', {
      name: athena.workgroup,
      scanLimitGiB: athena.scanLimitGiB,
      resultsBucket: props.reports.bucket,
    });
    // Results are read once, by the run that asked; a day covers a retried run.
    props.reports.bucket.addLifecycleRule({ id: 'expire-athena-results', prefix: ATHENA_RESULTS_PREFIX, expiration: Duration.days(1) });

    this.deployedConfig = {
      ...props.config,
      export: { bucket: where.bucket, prefix: where.prefix, name: exportName },
      engine: 'athena',
    };
    this.permissions = reportPermissions({
      workgroup: athena.workgroup,
      database: athena.database,
      table: athena.table,
      exportBucket: this.export.bucket,
      dataKeyPrefix: this.export.dataKeyPrefix,
      resultsBucket: props.reports.bucket,
    });
  }
}

interface Names {
  readonly workgroup: string;
  readonly database: string;
  readonly table: string;
  readonly exportBucket: IBucket;
  readonly dataKeyPrefix: string;
  readonly resultsBucket: IBucket;
}

/** Read-only access to the data; writes only where Athena puts the report's own query results. */
export function reportPermissions(n: Names): JobPermission[] {
  const arn = (service: string, resource: string) => `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
  return [
    {
      actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution'],
      resources: [arn('athena', `workgroup/${n.workgroup}`)],
      why: "Runs the Kubernetes cost query in the stack's workgroup only, whose enforced settings bound the bytes scanned.",
    },
    {
      actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
      resources: [arn('glue', 'catalog'), arn('glue', `database/${n.database}`), arn('glue', `table/${n.database}/${n.table}`)],
      why: "Athena reads the table definition from the Glue catalog with the caller's permissions.",
    },
    {
      actions: ['s3:GetObject'],
      resources: [n.exportBucket.arnForObjects(`${n.dataKeyPrefix}*`)],
      why: "Reads the export's Parquet files; Data Exports names them, under the export's data/ folder only.",
    },
    {
      actions: ['s3:ListBucket'],
      resources: [n.exportBucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${n.dataKeyPrefix}*`] } },
      why: "Athena lists a billing period's folder; the s3:prefix condition limits listing to the export's data/ folder.",
    },
    {
      actions: ['s3:GetBucketLocation'],
      resources: [n.exportBucket.bucketArn, n.resultsBucket.bucketArn],
      why: "Athena looks up the region of the data and results buckets with the caller's permissions.",
    },
    {
      actions: ['s3:PutObject', 's3:GetObject'],
      resources: [n.resultsBucket.arnForObjects(`${ATHENA_RESULTS_PREFIX}*`)],
      why: 'Athena writes the query results (and reads them back for GetQueryResults) under athena-results/ only; ids are per query.',
    },
  ];
}
