import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { containersSchema } from '../../shared/config/containers.js';
import { CUR2_COLUMNS } from '../../shared/containers/cur2-columns.js';
import { ConfigError } from '../../shared/errors.js';
import { FULL_CONFIG, buildStack, functionIdOf, grantsOf, synthStack, SYNTH_TIMEOUT, type Grant } from './app-fixture.js';

const CONTAINERS = { export: { bucket: 'acme-cur', prefix: 'billing/' }, athena: { scanLimitGiB: 2 } };
const WITH = { ...FULL_CONFIG, containers: CONTAINERS };
const CONTAINER_TYPES = ['AWS::BCMDataExports::Export', 'AWS::Glue::Database', 'AWS::Glue::Table', 'AWS::Athena::WorkGroup', 'Custom::AWS'];

/** `Fn::Join` of a plain string and refs, flattened so a test can read the ARN it builds. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if (node['Fn::Join']) return (node['Fn::Join'] as [string, unknown[]])[1].map(text).join('');
  if (node['Fn::GetAtt']) return `<${(node['Fn::GetAtt'] as string[]).join('.')}>`;
  if (node['Ref']) return `<${String(node['Ref'])}>`;
  return JSON.stringify(value);
}

const readable = (grants: Grant[]) =>
  grants.map((g) => `${g.action} ${text(g.resource)}${g.condition ? ` ${JSON.stringify(g.condition)}` : ''}`).sort();

describe('Kubernetes cost resources (containers)', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  let without: Template;
  beforeAll(() => {
    template = synthStack({ config: WITH }).template;
    without = synthStack({ config: FULL_CONFIG }).template;
  }, 2 * SYNTH_TIMEOUT);

  it('creates a CUR 2.0 export with split cost allocation data, as daily-refreshed Parquet overwriting the month, in the bucket', () => {
    template.hasResourceProperties('AWS::BCMDataExports::Export', {
      Export: {
        Name: 'cost-watch-cur2',
        DataQuery: {
          QueryStatement: Match.stringLikeRegexp(
            '^SELECT identity_line_item_id, .*split_line_item_split_cost.* FROM COST_AND_USAGE_REPORT$',
          ),
          TableConfigurations: {
            COST_AND_USAGE_REPORT: Match.objectLike({
              INCLUDE_SPLIT_COST_ALLOCATION_DATA: 'TRUE',
              INCLUDE_RESOURCES: 'TRUE',
              TIME_GRANULARITY: 'DAILY',
            }),
          },
        },
        DestinationConfigurations: {
          S3Destination: {
            S3Bucket: { Ref: Match.stringLikeRegexp('^ContainersExportBucket') },
            S3Prefix: 'billing',
            S3Region: { Ref: 'AWS::Region' },
            S3OutputConfigurations: { Format: 'PARQUET', Compression: 'PARQUET', Overwrite: 'OVERWRITE_REPORT', OutputType: 'CUSTOM' },
          },
        },
        RefreshCadence: { Frequency: 'SYNCHRONOUS' },
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'acme-cur' });
  });

  it('creates the export natively in us-east-1 and through the us-east-1 API from any other region, never both', () => {
    const [native] = Object.values(template.findResources('AWS::BCMDataExports::Export'));
    const [remote] = Object.values(template.findResources('Custom::AWS'));
    const conditions = template.toJSON().Conditions as Record<string, unknown>;

    expect(conditions[native!.Condition]).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
    expect(conditions[remote!.Condition]).toEqual({ 'Fn::Not': [{ Condition: native!.Condition }] });
    expect(text(remote!.Properties.Create)).toContain('"region":"us-east-1","action":"CreateExport"');
    expect(text(remote!.Properties.Create)).toContain('"INCLUDE_SPLIT_COST_ALLOCATION_DATA":"TRUE"');
    // The provider function exists only where it is used.
    const provider = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) => f.Condition);
    expect(provider.map((f) => f.Condition)).toEqual([remote!.Condition]);
    for (const r of [native!, remote!])
      expect(r.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^ContainersExportBucketPolicy/)]));
  });

  it("lets only this account's exports and report definitions write to the export bucket", () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: ['bcm-data-exports.amazonaws.com', 'billingreports.amazonaws.com'] },
            Action: ['s3:GetBucketPolicy', 's3:PutObject'],
            Condition: {
              StringLike: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:SourceArn': [
                  { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cur:us-east-1:', { Ref: 'AWS::AccountId' }, ':definition/*']] },
                  {
                    'Fn::Join': [
                      '',
                      ['arn:', { Ref: 'AWS::Partition' }, ':bcm-data-exports:us-east-1:', { Ref: 'AWS::AccountId' }, ':export/*'],
                    ],
                  },
                ],
              },
            },
          }),
        ]),
      },
    });
  });

  it('catalogs the export as a Parquet table partitioned by billing period, with partition projection instead of a crawler', () => {
    const [table] = Object.values(template.findResources('AWS::Glue::Table'));
    const input = table!.Properties.TableInput;

    expect(input.Name).toBe('cur2');
    expect(table!.Properties.DatabaseName).toBe('cost_watch');
    expect(input.PartitionKeys).toEqual([{ Name: 'billing_period', Type: 'string' }]);
    expect(input.StorageDescriptor.Columns).toEqual(CUR2_COLUMNS.map((c) => ({ Name: c.name, Type: c.type })));
    expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe');
    expect(text(input.StorageDescriptor.Location)).toMatch(/^s3:\/\/<ContainersExportBucket\w+>\/billing\/cost-watch-cur2\/data\/$/);
    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.billing_period.type': 'date',
      'projection.billing_period.format': 'yyyy-MM',
      'projection.billing_period.interval.unit': 'MONTHS',
    });
    expect(text(input.Parameters['storage.location.template'])).toMatch(
      /^s3:\/\/<ContainersExportBucket\w+>\/billing\/cost-watch-cur2\/data\/BILLING_PERIOD=\$\{billing_period\}$/,
    );
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'cost_watch' } });
    template.resourceCountIs('AWS::Glue::Crawler', 0);
  });

  it('runs the queries in a workgroup with a bytes-scanned cutoff and enforced, encrypted results in the report bucket', () => {
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'cost-watch',
      WorkGroupConfiguration: {
        BytesScannedCutoffPerQuery: 2 * 1024 ** 3,
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^ReportsBucket') }, '/athena-results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
  });

  it('grants the report function exactly read access to them, and writes to the Athena results only', () => {
    const base = new Set(readable(grantsOf(without, 'MonthlyReport')));
    const added = readable(grantsOf(template, 'MonthlyReport')).filter((g) => !base.has(g));
    const arn = (service: string, resource: string) => `arn:<AWS::Partition>:${service}:<AWS::Region>:<AWS::AccountId>:${resource}`;
    const exportBucket = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { BucketName: 'acme-cur' } }))[0]!;
    const reports = Object.keys(template.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('ReportsBucket'))!;

    expect(added).toEqual(
      [
        ...['GetQueryExecution', 'GetQueryResults', 'StartQueryExecution', 'StopQueryExecution'].map(
          (a) => `athena:${a} ${arn('athena', 'workgroup/cost-watch')}`,
        ),
        ...['GetDatabase', 'GetPartitions', 'GetTable'].flatMap((a) =>
          ['catalog', 'database/cost_watch', 'table/cost_watch/cur2'].map((r) => `glue:${a} ${arn('glue', r)}`),
        ),
        `s3:GetObject <${exportBucket}.Arn>/billing/cost-watch-cur2/data/*`,
        `s3:ListBucket <${exportBucket}.Arn> {"StringLike":{"s3:prefix":["billing/cost-watch-cur2/data/*"]}}`,
        `s3:GetBucketLocation <${exportBucket}.Arn>`,
        `s3:GetBucketLocation <${reports}.Arn>`,
        `s3:GetObject <${reports}.Arn>/athena-results/*`,
        `s3:PutObject <${reports}.Arn>/athena-results/*`,
      ].sort(),
    );
    for (const job of ['DailySpend', 'IdleResources', 'Budgets'])
      expect(readable(grantsOf(template, job)).join('\n')).not.toMatch(/athena:|glue:|acme-cur|ContainersExportBucket/);
  });

  it('tells the deployed report to query Athena, with the export the stack names', () => {
    const fn = template.findResources('AWS::Lambda::Function')[functionIdOf(template, 'MonthlyReport')]!;
    const config = text(fn.Properties.Environment.Variables.COST_WATCH_CONFIG);

    const containers = (JSON.parse(config) as { containers: unknown }).containers;

    // The function validates it again at start: it must still be a valid `containers`.
    expect(containersSchema.parse(containers)).toEqual({
      export: { bucket: 'acme-cur', prefix: 'billing/', name: 'cost-watch-cur2' },
      engine: 'athena',
      athena: { workgroup: 'cost-watch', database: 'cost_watch', table: 'cur2', scanLimitGiB: 2 },
    });
  });

  it('creates none of them without containers', () => {
    for (const type of CONTAINER_TYPES) without.resourceCountIs(type, 0);
    expect(Object.keys(without.findResources('AWS::S3::Bucket'))).toHaveLength(2); // reports and their access logs
  });

  it('refuses at synth what it cannot deploy, naming the key', () => {
    const synth = (containers: unknown, report?: unknown) => () =>
      buildStack({ config: { ...FULL_CONFIG, ...(report ? { report } : {}), containers } as typeof WITH });

    expect(synth({ export: { path: 'file:///data/cur/cost-watch-cur2' } })).toThrow(ConfigError);
    expect(synth({ export: { path: 'file:///data/cur/cost-watch-cur2' } })).toThrow(/^containers\.export: /);
    expect(synth({ export: { bucket: 'acme-cur', name: "team's.export" } })).toThrow(/^containers\.export\.name: /);
    expect(synth(CONTAINERS, { prefix: 'athena-results/' })).toThrow(/^report\.prefix: /);
  });
});
