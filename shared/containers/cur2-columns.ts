/**
 * The CUR 2.0 columns cost-watch reads, with their Glue/Athena types, in one
 * list: the stack's Data Exports query and Glue table, the local dataset
 * generator and the query all take it from here, so they cannot drift apart.
 * Names and types are AWS's (Data Exports, "CUR 2.0" table, split line item
 * columns of split cost allocation data).
 */

export type Cur2Type = 'string' | 'double' | 'timestamp' | 'map<string,string>';

export interface Cur2Column {
  readonly name: string;
  readonly type: Cur2Type;
}

const col = (name: string, type: Cur2Type): Cur2Column => ({ name, type });

export const CUR2_COLUMNS: readonly Cur2Column[] = [
  col('identity_line_item_id', 'string'),
  col('identity_time_interval', 'string'),
  col('bill_billing_period_start_date', 'timestamp'),
  col('bill_billing_period_end_date', 'timestamp'),
  col('bill_payer_account_id', 'string'),
  col('line_item_usage_account_id', 'string'),
  col('line_item_line_item_type', 'string'),
  col('line_item_usage_start_date', 'timestamp'),
  col('line_item_usage_end_date', 'timestamp'),
  col('line_item_product_code', 'string'),
  col('line_item_usage_type', 'string'),
  col('line_item_operation', 'string'),
  col('line_item_resource_id', 'string'),
  col('line_item_usage_amount', 'double'),
  col('line_item_unblended_cost', 'double'),
  col('line_item_currency_code', 'string'),
  col('product_region_code', 'string'),
  col('product_instance_type', 'string'),
  // Activated cost allocation tags, keys normalized as CUR 2.0 writes them: aws:eks:cluster-name → aws_eks_cluster_name.
  col('resource_tags', 'map<string,string>'),
  col('split_line_item_parent_resource_id', 'string'),
  col('split_line_item_split_usage', 'double'),
  col('split_line_item_split_usage_ratio', 'double'),
  col('split_line_item_reserved_usage', 'double'),
  col('split_line_item_actual_usage', 'double'),
  col('split_line_item_split_cost', 'double'),
  col('split_line_item_unused_cost', 'double'),
  col('split_line_item_public_on_demand_split_cost', 'double'),
  col('split_line_item_public_on_demand_unused_cost', 'double'),
  col('split_line_item_net_split_cost', 'double'),
  col('split_line_item_net_unused_cost', 'double'),
];

/**
 * Data Exports writes each billing period to `data/BILLING_PERIOD=YYYY-MM/`;
 * the Glue table declares it as the partition column `billing_period` (Glue
 * names are lower case; DuckDB's hive partitioning matches names case-insensitively).
 */
export const CUR2_PARTITION = { name: 'billing_period', type: 'string', folderKey: 'BILLING_PERIOD' } as const;

/** `<export folder>/data/BILLING_PERIOD=2026-11/` */
export const periodFolder = (month: string) => `data/${CUR2_PARTITION.folderKey}=${month}/`;

/** The tag keys of split lines, as CUR 2.0 carries them in `resource_tags`. */
export const EKS_TAGS = {
  cluster: 'aws_eks_cluster_name',
  namespace: 'aws_eks_namespace',
  node: 'aws_eks_node',
  workloadType: 'aws_eks_workload_type',
  workloadName: 'aws_eks_workload_name',
} as const;

/** The operations of EKS pods' split lines; ECS tasks' are ECSTask-EC2 / ECSTask-Fargate and are left out. */
export const EKS_POD_OPERATIONS = ['EKSPod-EC2', 'EKSPod-Fargate'] as const;

/** The Data Exports query of the export the stack creates (the table must be COST_AND_USAGE_REPORT). */
export function cur2QueryStatement(): string {
  return `SELECT ${CUR2_COLUMNS.map((c) => c.name).join(', ')} FROM COST_AND_USAGE_REPORT`;
}

/** Table configuration of that export: split cost allocation data needs resource ids. */
export const CUR2_TABLE_CONFIGURATION: Readonly<Record<string, string>> = {
  TIME_GRANULARITY: 'DAILY',
  INCLUDE_RESOURCES: 'TRUE',
  INCLUDE_SPLIT_COST_ALLOCATION_DATA: 'TRUE',
  INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY: 'FALSE',
};

/** The DuckDB type of a column: the generator writes the Parquet with these, as Data Exports does. */
export function duckdbType(type: Cur2Type): string {
  if (type === 'string') return 'VARCHAR';
  if (type === 'double') return 'DOUBLE';
  if (type === 'timestamp') return 'TIMESTAMP';
  return 'MAP(VARCHAR, VARCHAR)';
}
