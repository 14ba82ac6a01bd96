import { addDays, type IsoDate, type IsoMonth } from '../time/dates.js';
import { CUR2_PARTITION, EKS_POD_OPERATIONS, EKS_TAGS } from './cur2-columns.js';

/**
 * The one query both engines run (Athena's Trino and DuckDB), following AWS's
 * split cost allocation data: per billing period, cluster and namespace, the
 * pods' split cost and their share of their nodes' unused capacity. Only EKS
 * pods' split lines count (EKSPod-EC2, EKSPod-Fargate): ECS tasks' split
 * lines, the nodes' own EC2 lines (already split over the pods) and every
 * other row are left out.
 *
 * Portability: a map subscript of a missing key fails in Trino and is NULL in
 * DuckDB, so tags are read only after `contains(map_keys(…))`; without the
 * tags activated as cost allocation tags, the pod's ARN
 * (`…:pod/<cluster>/<namespace>/<pod>/<uid>`) names both.
 * Partition pruning: `billing_period IN (…)` reads two months' folders only.
 * Rows are per usage account, so an organization's report keeps only its chosen accounts.
 */

export interface NamespaceQuery {
  /** A Glue table name (the config allows [a-z0-9_] only; checked again here). */
  readonly table: string;
  readonly month: IsoMonth;
  readonly previousMonth: IsoMonth;
  /** Last day counted in each month, both included: a running month is compared with the same days of the month before. */
  readonly through: IsoDate;
  readonly previousThrough: IsoDate;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const tag = (key: string) => `CASE WHEN contains(map_keys(resource_tags), '${key}') THEN resource_tags['${key}'] END`;
const fromArn = (part: number) => `NULLIF(split_part(line_item_resource_id, '/', ${part}), '')`;

export function namespaceCostSql(q: NamespaceQuery): string {
  if (!/^[a-z0-9_]{1,255}$/.test(q.table)) throw new Error(`containers: not a Glue table name: ${q.table}`);
  for (const m of [q.month, q.previousMonth]) if (!MONTH.test(m)) throw new Error(`containers: not a month: ${m}`);
  for (const d of [q.through, q.previousThrough]) if (!DAY.test(d)) throw new Error(`containers: not a day: ${d}`);
  const until = (d: IsoDate) => `TIMESTAMP '${addDays(d, 1)} 00:00:00'`;
  const p = CUR2_PARTITION.name;
  return `SELECT
  ${p} AS billing_period,
  line_item_usage_account_id AS account,
  COALESCE(${tag(EKS_TAGS.cluster)}, ${fromArn(2)}, '(unknown)') AS cluster,
  COALESCE(${tag(EKS_TAGS.namespace)}, ${fromArn(3)}, '(unknown)') AS namespace,
  CAST(SUM(COALESCE(split_line_item_split_cost, 0)) AS DOUBLE) AS split_cost,
  CAST(SUM(COALESCE(split_line_item_unused_cost, 0)) AS DOUBLE) AS unused_cost
FROM "${q.table}"
WHERE ${p} IN ('${q.previousMonth}', '${q.month}')
  AND line_item_operation IN (${EKS_POD_OPERATIONS.map((o) => `'${o}'`).join(', ')})
  AND ((${p} = '${q.month}' AND line_item_usage_start_date < ${until(q.through)})
    OR (${p} = '${q.previousMonth}' AND line_item_usage_start_date < ${until(q.previousThrough)}))
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4`;
}

/** The result's columns, in order: both engines answer them under these names. */
export const NAMESPACE_COLUMNS = ['billing_period', 'account', 'cluster', 'namespace', 'split_cost', 'unused_cost'] as const;
