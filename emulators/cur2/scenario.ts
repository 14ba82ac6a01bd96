/**
 * The local CUR 2.0 dataset's world: two EKS clusters (general, memory and
 * GPU node groups; a staging cluster with Fargate pods), an ECS cluster whose
 * split lines must be left out, and the rest of a bill (EKS control plane, S3,
 * RDS, Lambda, tax). Replicas are per month, oldest first, so a namespace can
 * grow (prod-eks/search doubles) or appear (prod-eks/experiments).
 */

export interface NodeGroup {
  readonly name: string;
  readonly instanceType: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** On-demand $/hour in us-east-1. */
  readonly hourly: number;
  readonly nodes: number;
}

export interface Workload {
  readonly namespace: string;
  readonly name: string;
  /** A node group of the cluster, or "fargate". */
  readonly group: string;
  /** Replicas in each generated month, oldest first; the last value repeats. */
  readonly replicas: readonly number[];
  readonly cpu: number;
  readonly memoryGiB: number;
  /** Used ÷ requested; above 1 a pod uses more than it asked for, and AWS allocates what it used. */
  readonly usage: number;
}

export interface ClusterSpec {
  readonly name: string;
  /** The account it runs in (an organization's member). @default the scenario's account */
  readonly account?: string;
  readonly kind: 'eks' | 'ecs';
  readonly groups: readonly NodeGroup[];
  readonly workloads: readonly Workload[];
}

export interface Scenario {
  readonly account: string;
  readonly region: string;
  /** Usage type prefix of the region, e.g. USE1. */
  readonly regionCode: string;
  readonly clusters: readonly ClusterSpec[];
  /** Other services' daily cost: the rows the query must leave out. */
  readonly otherDaily: ReadonlyArray<{ product: string; usageType: string; operation: string; amount: number }>;
  readonly monthlyTax: number;
}

const group = (name: string, instanceType: string, vcpu: number, memoryGiB: number, hourly: number, nodes: number): NodeGroup => ({
  name,
  instanceType,
  vcpu,
  memoryGiB,
  hourly,
  nodes,
});

const w = (namespace: string, name: string, g: string, replicas: number[], cpu: number, memoryGiB: number, usage: number): Workload => ({
  namespace,
  name,
  group: g,
  replicas,
  cpu,
  memoryGiB,
  usage,
});

export const FARGATE = { vcpuHour: 0.04048, gbHour: 0.004445 } as const;

export function defaultScenario(names: { prod?: string; staging?: string } = {}): Scenario {
  return {
    account: '123456789012',
    region: 'us-east-1',
    regionCode: 'USE1',
    clusters: [
      {
        name: names.prod ?? 'prod-eks',
        kind: 'eks',
        groups: [
          group('general', 'm5.2xlarge', 8, 32, 0.384, 4),
          group('memory', 'r5.2xlarge', 8, 64, 0.504, 2),
          group('gpu', 'g5.2xlarge', 8, 32, 1.212, 1),
        ],
        workloads: [
          w('checkout', 'api', 'general', [6], 1, 2, 0.8),
          w('checkout', 'worker', 'general', [2], 0.5, 1, 1.3),
          w('payments', 'api', 'general', [4], 1, 3, 0.6),
          w('search', 'indexer', 'memory', [3, 6], 2, 16, 0.9),
          w('observability', 'prometheus', 'memory', [1], 1.5, 12, 1),
          w('ml', 'inference', 'gpu', [1], 6, 24, 0.7),
          w('kube-system', 'coredns', 'general', [2], 0.1, 0.07, 0.5),
          w('experiments', 'notebook', 'general', [0, 2], 2, 4, 0.5),
        ],
      },
      {
        name: names.staging ?? 'staging-eks',
        kind: 'eks',
        groups: [group('general', 'm5.xlarge', 4, 16, 0.192, 3)],
        workloads: [
          w('checkout', 'api', 'general', [2], 0.5, 1, 0.7),
          w('web', 'frontend', 'general', [3], 0.5, 1, 0.5),
          w('kube-system', 'coredns', 'general', [1], 0.1, 0.07, 0.5),
          w('batch', 'report', 'fargate', [2], 1, 2, 1),
        ],
      },
      {
        name: 'orders-ecs',
        kind: 'ecs',
        groups: [group('default', 'm5.large', 2, 8, 0.096, 2)],
        workloads: [w('orders', 'orders-service', 'default', [3], 0.5, 1, 0.8)],
      },
    ],
    otherDaily: [
      { product: 'AmazonS3', usageType: 'USE1-TimedStorage-ByteHrs', operation: 'StandardStorage', amount: 12.4 },
      { product: 'AmazonRDS', usageType: 'USE1-InstanceUsage:db.r6g.large', operation: 'CreateDBInstance', amount: 6.24 },
      { product: 'AWSLambda', usageType: 'USE1-Lambda-GB-Second', operation: 'Invoke', amount: 1.3 },
    ],
    monthlyTax: 48.5,
  };
}

/** Replicas of a workload in the i-th generated month. */
export const replicasIn = (wl: Workload, monthIndex: number) => wl.replicas[Math.min(monthIndex, wl.replicas.length - 1)] ?? 0;
