/**
 * The deny-new-resources policy: creating compute, databases and storage is
 * denied. Starting stopped instances and resizing Auto Scaling groups stay
 * allowed, so undoing a scale-down is never blocked by it.
 */
export const DENIED_ACTIONS = [
  'ec2:RunInstances',
  'ec2:CreateVolume',
  'ec2:CreateNatGateway',
  'rds:CreateDBInstance',
  'rds:CreateDBCluster',
  'rds:RestoreDBInstanceFromDBSnapshot',
  'rds:RestoreDBClusterFromSnapshot',
  'elasticache:CreateCacheCluster',
  'elasticache:CreateReplicationGroup',
  'redshift:CreateCluster',
  'dynamodb:CreateTable',
  's3:CreateBucket',
  'elasticfilesystem:CreateFileSystem',
  'autoscaling:CreateAutoScalingGroup',
  'eks:CreateNodegroup',
  'sagemaker:CreateNotebookInstance',
  'sagemaker:CreateEndpoint',
] as const;

export const denyPolicyDocument = (): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'CostWatchDenyNewResources', Effect: 'Deny', Action: [...DENIED_ACTIONS], Resource: '*' }],
  });

/** Policy names carry the record id: one policy per record, found again by name. */
export const denyPolicyName = (recordId: string) => `cost-watch-deny-new-${recordId}`;
