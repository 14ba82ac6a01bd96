import { Aws, CfnCondition, CfnResource, Fn, RemovalPolicy, Stack, Validations, type IResolvable } from 'aws-cdk-lib';
import { CfnExport } from 'aws-cdk-lib/aws-bcmdataexports';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId, PhysicalResourceIdReference } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { CUR2_TABLE_CONFIGURATION, cur2QueryStatement } from '../../shared/containers/cur2-columns.js';

/** Data Exports (and its CloudFormation resource type) exists in us-east-1 only, whatever region the bucket is in. */
export const DATA_EXPORTS_REGION = 'us-east-1';

export interface Cur2ExportProps {
  /** `containers.export.bucket`: created here, so its policy is the stack's alone. */
  readonly bucketName: string;
  /** `containers.export.prefix` ("" or ending in "/"). */
  readonly prefix: string;
  readonly exportName: string;
  /** Where the bucket's own server access logs go (the report bucket's log bucket). */
  readonly accessLogsBucket: IBucket;
}

/**
 * The CUR 2.0 export with split cost allocation data, as daily Parquet that
 * overwrites the month (so the month's folder holds one current copy), and the
 * bucket it is delivered to, whose policy lets the billing services write as AWS
 * documents (dataexports-s3-bucket.html): only for exports of this account.
 *
 * In us-east-1 the export is an AWS::BCMDataExports::Export. Elsewhere that
 * resource type does not exist, so (as the Cloud Intelligence Dashboards'
 * data-exports stack does) a custom resource creates it through the us-east-1
 * API, delivering to the bucket in the stack's own region. A CloudFormation
 * condition picks one: the stack stays region-agnostic.
 */
export class Cur2Export extends Construct {
  readonly bucket: Bucket;
  /** Where Data Exports writes the month folders (`BILLING_PERIOD=YYYY-MM/`). */
  readonly dataKeyPrefix: string;

  constructor(scope: Construct, id: string, props: Cur2ExportProps) {
    super(scope, id);
    this.dataKeyPrefix = `${props.prefix}${props.exportName}/data/`;
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      // SSE-S3: Data Exports delivers to SSE-S3 buckets without any key policy to keep in step.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'cur2-export-bucket/',
      // Billing history cannot be delivered again for past months once gone.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'EnableAWSDataExportsToWriteToS3AndCheckPolicy',
        principals: [new ServicePrincipal('billingreports.amazonaws.com'), new ServicePrincipal('bcm-data-exports.amazonaws.com')],
        actions: ['s3:PutObject', 's3:GetBucketPolicy'],
        resources: [this.bucket.bucketArn, this.bucket.arnForObjects('*')],
        conditions: {
          StringLike: {
            'aws:SourceAccount': Aws.ACCOUNT_ID,
            'aws:SourceArn': [
              `arn:${Aws.PARTITION}:cur:${DATA_EXPORTS_REGION}:${Aws.ACCOUNT_ID}:definition/*`,
              `arn:${Aws.PARTITION}:bcm-data-exports:${DATA_EXPORTS_REGION}:${Aws.ACCOUNT_ID}:export/*`,
            ],
          },
        },
      }),
    );

    const exportSpec = {
      name: props.exportName,
      description: 'cost-watch: CUR 2.0 with split cost allocation data, for Kubernetes cost by cluster and namespace',
      dataQuery: { queryStatement: cur2QueryStatement(), tableConfigurations: { COST_AND_USAGE_REPORT: { ...CUR2_TABLE_CONFIGURATION } } },
      destinationConfigurations: {
        s3Destination: {
          s3Bucket: this.bucket.bucketName,
          // Data Exports adds "/<export name>/data/…" itself.
          s3Prefix: props.prefix.replace(/\/$/, ''),
          s3Region: Aws.REGION,
          s3OutputConfigurations: { outputType: 'CUSTOM', format: 'PARQUET', compression: 'PARQUET', overwrite: 'OVERWRITE_REPORT' },
        },
      },
      // The only cadence Data Exports offers: refreshed as the billing data is (at least daily).
      refreshCadence: { frequency: 'SYNCHRONOUS' },
    };
    const inExportsRegion = new CfnCondition(this, 'InDataExportsRegion', {
      expression: Fn.conditionEquals(Aws.REGION, DATA_EXPORTS_REGION),
    });
    const policy = this.bucket.policy!;

    const native = new CfnExport(this, 'Export', { export: exportSpec, tags: [{ key: 'project', value: 'cost-watch' }] });
    native.cfnOptions.condition = inExportsRegion;
    // Data Exports checks the bucket policy when the export is created.
    native.node.addDependency(policy);

    const remote = this.remoteExport(exportSpec);
    const elsewhere = new CfnCondition(this, 'OutsideDataExportsRegion', { expression: Fn.conditionNot(inExportsRegion) });
    for (const resource of cfnResourcesOf(remote)) resource.cfnOptions.condition = elsewhere;
    remote.node.addDependency(policy);
  }

  /** The same export created through the us-east-1 API by the CDK's AwsCustomResource provider. */
  private remoteExport(spec: Record<string, unknown>): AwsCustomResource {
    const exportArg = pascalCase(spec);
    const call = { service: 'BCMDataExports', region: DATA_EXPORTS_REGION };
    const remote = new AwsCustomResource(this, 'RemoteExport', {
      installLatestAwsSdk: false, // Lambda's built-in SDK has the Data Exports client
      onCreate: {
        ...call,
        action: 'CreateExport',
        parameters: { Export: exportArg },
        physicalResourceId: PhysicalResourceId.fromResponse('ExportArn'),
      },
      onUpdate: {
        ...call,
        action: 'UpdateExport',
        parameters: { ExportArn: new PhysicalResourceIdReference(), Export: exportArg },
        physicalResourceId: PhysicalResourceId.fromResponse('ExportArn'),
      },
      onDelete: { ...call, action: 'DeleteExport', parameters: { ExportArn: new PhysicalResourceIdReference() } },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: ['bcm-data-exports:CreateExport', 'bcm-data-exports:UpdateExport', 'bcm-data-exports:DeleteExport'],
          resources: [dataExportsArn('export/*'), dataExportsArn('table/COST_AND_USAGE_REPORT')],
        }),
        // Creating a CUR 2.0 export also checks that the caller may define a cost and usage report.
        new PolicyStatement({
          actions: ['cur:PutReportDefinition'],
          resources: [`arn:${Aws.PARTITION}:cur:${DATA_EXPORTS_REGION}:${Aws.ACCOUNT_ID}:definition/*`],
        }),
      ]),
    });
    const findings = {
      [`Resource::arn:<AWS::Partition>:bcm-data-exports:${DATA_EXPORTS_REGION}:<AWS::AccountId>:export/*`]:
        "An export ARN ends in an id Data Exports assigns at creation, so the calls are granted on the account's exports.",
      [`Resource::arn:<AWS::Partition>:cur:${DATA_EXPORTS_REGION}:<AWS::AccountId>:definition/*`]:
        "Data Exports checks cur:PutReportDefinition when creating a CUR 2.0 export; granted on the account's report definitions.",
    };
    for (const [finding, reason] of Object.entries(findings))
      Validations.of(remote).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    const provider = Stack.of(this).node.tryFindChild(providerId());
    if (provider)
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource provider, deployed only outside us-east-1 to create the export there, logs with the " +
          'AWS managed basic execution policy; it runs on stack create, update and delete only.',
      });
    return remote;
  }
}

/** The CloudFormation resources a custom resource adds, with the provider function CDK puts at the stack's root. */
function cfnResourcesOf(remote: AwsCustomResource): CfnResource[] {
  const provider = Stack.of(remote).node.tryFindChild(providerId());
  return [remote, ...(provider ? [provider] : [])]
    .flatMap((c) => c.node.findAll())
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c));
}

/** Construct id CDK gives the AwsCustomResource provider function, a singleton at the stack's root. */
const providerId = () => `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;

const dataExportsArn = (resource: string) => `arn:${Aws.PARTITION}:bcm-data-exports:${DATA_EXPORTS_REGION}:${Aws.ACCOUNT_ID}:${resource}`;

/** The SDK takes the export in the API's PascalCase, as CloudFormation does. */
function pascalCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalCase);
  if (value === null || typeof value !== 'object' || isToken(value)) return value;
  const keepKeys = Object.keys(value).every((k) => /^[A-Z_]+$/.test(k)); // table configuration keys are literal
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      keepKeys ? k : k.charAt(0).toUpperCase() + k.slice(1),
      k === 'COST_AND_USAGE_REPORT' ? v : pascalCase(v),
    ]),
  );
}

function isToken(value: object): value is IResolvable {
  return typeof (value as IResolvable).resolve === 'function';
}
