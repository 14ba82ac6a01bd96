import { Aws } from 'aws-cdk-lib';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { Construct } from 'constructs';
import { CUR2_COLUMNS, CUR2_PARTITION } from '../../shared/containers/cur2-columns.js';

/**
 * The earliest month the projection knows. A query names its months, so the range costs nothing; it only has
 * to start before any month AWS could backfill into a new export (support backfills up to 36 months).
 */
export const FIRST_BILLING_PERIOD = '2020-01';

export interface Cur2CatalogProps {
  readonly database: string;
  readonly table: string;
  readonly bucketName: string;
  /** `<prefix><export name>/data/`: the month folders are below it. */
  readonly dataKeyPrefix: string;
}

/**
 * The Glue database and the table Athena reads the export through: the export's
 * columns (the same list the export's query selects), Parquet, partitioned by
 * billing period. Partition projection computes each month's folder from the
 * query's `billing_period` instead of a crawler or MSCK REPAIR keeping
 * partitions in the catalog: a new month is queryable the day it is delivered,
 * and a query names the months it reads, so it scans only those.
 */
export class Cur2Catalog extends Construct {
  readonly database: CfnDatabase;
  readonly table: CfnTable;

  constructor(scope: Construct, id: string, props: Cur2CatalogProps) {
    super(scope, id);
    const location = `s3://${props.bucketName}/${props.dataKeyPrefix}`;
    const partition = CUR2_PARTITION.name;
    this.database = new CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: { name: props.database, description: 'cost-watch: the CUR 2.0 export (Kubernetes cost)' },
    });
    this.table = new CfnTable(this, 'Table', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: props.database,
      tableInput: {
        name: props.table,
        description: 'CUR 2.0 with split cost allocation data, one partition per billing period',
        tableType: 'EXTERNAL_TABLE',
        parameters: {
          classification: 'parquet',
          'projection.enabled': 'true',
          [`projection.${partition}.type`]: 'date',
          [`projection.${partition}.format`]: 'yyyy-MM',
          [`projection.${partition}.range`]: `${FIRST_BILLING_PERIOD},NOW`,
          [`projection.${partition}.interval`]: '1',
          [`projection.${partition}.interval.unit`]: 'MONTHS',
          'storage.location.template': `${location}BILLING_PERIOD=\${${partition}}`,
        },
        partitionKeys: [{ name: partition, type: CUR2_PARTITION.type }],
        storageDescriptor: {
          columns: CUR2_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
          location,
          inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          serdeInfo: {
            serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
            parameters: { 'serialization.format': '1' },
          },
        },
      },
    });
    this.table.node.addDependency(this.database);
  }
}
