import { paginateDescribeDBInstances, type RDSClient } from '@aws-sdk/client-rds';
import type { DbInstance } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { tagMap } from './tags.js';
import type { Listed, ListingSource } from './types.js';

const DB_PAGE = 100;

/** Every DB instance with its tags: DescribeDBInstances carries TagList, so no ListTagsForResource per instance. */
async function listDbInstances(rds: RDSClient, region: string): Promise<Listed<DbInstance>> {
  const items: DbInstance[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeDBInstances({ client: rds, pageSize: DB_PAGE }, {})) {
      pages++;
      for (const d of out.DBInstances ?? [])
        if (d.DBInstanceIdentifier)
          items.push({
            id: d.DBInstanceIdentifier,
            instanceClass: d.DBInstanceClass ?? 'unknown',
            engine: d.Engine ?? 'unknown',
            multiAz: d.MultiAZ ?? false,
            status: d.DBInstanceStatus ?? 'unknown',
            createTime: d.InstanceCreateTime?.toISOString(),
            tags: tagMap(d.TagList),
          });
    }
  } catch (err) {
    throw explainAwsError(err, `RDS DescribeDBInstances in ${region}`, 'rds:DescribeDBInstances');
  }
  return { items, calls: { DescribeDBInstances: pages } };
}

export const dbInstances: ListingSource<'dbInstances', 'rds'> = {
  name: 'dbInstances',
  service: 'rds',
  calls: ['DescribeDBInstances'],
  iam: {
    actions: ['rds:DescribeDBInstances'],
    resources: ({ partition, account }) => [`arn:${partition}:rds:*:${account}:db:*`],
    why:
      'Lists every DB instance of the account in the scanned regions (with their tags, for the exempt tag); instance names are ' +
      "the user's, so the ARN ends in db:*.",
  },
  exemptTag: true,
  idOf: (d) => d.id,
  list: listDbInstances,
};
