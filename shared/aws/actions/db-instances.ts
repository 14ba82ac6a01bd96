import { paginateDescribeDBInstances, StartDBInstanceCommand, StopDBInstanceCommand, type RDSClient } from '@aws-sdk/client-rds';
import { tagMap, type TagMap } from '../../detect/actions/tags.js';
import { explainAwsError } from '../errors.js';

export interface DbInstance {
  readonly id: string;
  readonly instanceClass: string;
  readonly engine: string;
  readonly multiAz: boolean;
  readonly status: string;
  /** Aurora members stop with their cluster, not alone. */
  readonly cluster?: string;
  readonly tags: TagMap;
}

/** Every DB instance of the region with its tags (DescribeDBInstances has no tag filter); paginated as AWS requires. */
export async function listDbInstances(rds: RDSClient, region: string): Promise<DbInstance[]> {
  const out: DbInstance[] = [];
  try {
    for await (const page of paginateDescribeDBInstances({ client: rds }, {}))
      for (const d of page.DBInstances ?? [])
        if (d.DBInstanceIdentifier)
          out.push({
            id: d.DBInstanceIdentifier,
            instanceClass: d.DBInstanceClass ?? 'unknown',
            engine: d.Engine ?? 'unknown',
            multiAz: d.MultiAZ === true,
            status: d.DBInstanceStatus ?? 'unknown',
            ...(d.DBClusterIdentifier ? { cluster: d.DBClusterIdentifier } : {}),
            tags: tagMap(d.TagList),
          });
  } catch (err) {
    throw explainAwsError(err, `RDS DescribeDBInstances in ${region}`, 'rds:DescribeDBInstances');
  }
  return out;
}

export async function stopDbInstance(rds: RDSClient, id: string, region: string): Promise<void> {
  await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: id })).catch((err: unknown) => {
    throw explainAwsError(err, `RDS StopDBInstance ${id} in ${region}`, 'rds:StopDBInstance');
  });
}

export async function startDbInstance(rds: RDSClient, id: string, region: string): Promise<void> {
  await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: id })).catch((err: unknown) => {
    throw explainAwsError(err, `RDS StartDBInstance ${id} in ${region}`, 'rds:StartDBInstance');
  });
}
