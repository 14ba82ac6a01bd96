import { dayRange, firstDayOfMonth, monthEndExclusive, addDays, type IsoMonth } from '../../shared/time/dates.js';
import { EKS_TAGS } from '../../shared/containers/cur2-columns.js';
import { nodesOf, podsOf, stableHex, usageFactor, type NodeInstance, type Pod } from './placement.js';
import { FARGATE, type ClusterSpec, type Scenario } from './scenario.js';
import { splitInstance, type ResourceSplit } from './split.js';

/** One CUR 2.0 line: column name → value (maps for resource_tags; timestamps as 'YYYY-MM-DD HH:MM:SS'). */
export type Cur2Row = Record<string, string | number | null | Record<string, string>>;

export type Granularity = 'daily' | 'hourly';

/** What the generator knows it wrote: split and unused per EKS namespace, and the EC2 + Fargate cost under each cluster. */
export interface MonthTruth {
  readonly namespaces: Map<string, { cluster: string; namespace: string; split: number; unused: number }>;
  readonly clusterBill: Map<string, number>;
}

interface Interval {
  readonly index: number;
  readonly start: string;
  readonly end: string;
  readonly hours: number;
}

const stamp = (iso: string) => iso.replace('T', ' ').replace('Z', '');

function intervals(month: IsoMonth, granularity: Granularity): Interval[] {
  const days = dayRange(firstDayOfMonth(month), addDays(monthEndExclusive(month), -1));
  if (granularity === 'daily')
    return days.map((d, index) => ({ index, start: `${d}T00:00:00Z`, end: `${addDays(d, 1)}T00:00:00Z`, hours: 24 }));
  return days.flatMap((d, di) =>
    Array.from({ length: 24 }, (_, h) => {
      const start = new Date(`${d}T00:00:00Z`).getTime() + h * 3_600_000;
      const iso = (t: number) => new Date(t).toISOString().replace('.000', '');
      return { index: di * 24 + h, start: iso(start), end: iso(start + 3_600_000), hours: 1 };
    }),
  );
}

export function monthRows(
  s: Scenario,
  month: IsoMonth,
  monthIndex: number,
  granularity: Granularity,
): { rows: Cur2Row[]; truth: MonthTruth } {
  const rows: Cur2Row[] = [];
  const truth: MonthTruth = { namespaces: new Map(), clusterBill: new Map() };
  const periodStart = stamp(`${firstDayOfMonth(month)}T00:00:00Z`);
  const periodEnd = stamp(`${monthEndExclusive(month)}T00:00:00Z`);
  const line = (iv: Interval, key: string, values: Cur2Row): Cur2Row => ({
    identity_line_item_id: stableHex(`${month}/${iv.index}/${key}`, 52),
    identity_time_interval: `${iv.start}/${iv.end}`,
    bill_billing_period_start_date: periodStart,
    bill_billing_period_end_date: periodEnd,
    bill_payer_account_id: s.account,
    line_item_usage_account_id: s.account,
    line_item_line_item_type: 'Usage',
    line_item_usage_start_date: stamp(iv.start),
    line_item_usage_end_date: stamp(iv.end),
    line_item_currency_code: 'USD',
    product_region_code: s.region,
    resource_tags: {},
    ...values,
  });
  const clusters = s.clusters.map((c) => {
    const nodes = nodesOf(c);
    return { spec: c, nodes, pods: podsOf(c, nodes, monthIndex) };
  });
  for (const iv of intervals(month, granularity)) {
    for (const { spec, nodes, pods } of clusters) {
      for (const node of nodes) rows.push(...nodeRows(s, spec, node, pods, iv, line, truth));
      for (const pod of pods.filter((p) => p.node === null)) rows.push(...fargateRows(s, pod, iv, line, truth));
      if (spec.kind === 'eks') rows.push(controlPlane(s, spec, iv, line));
    }
    for (const o of s.otherDaily)
      rows.push(
        line(iv, `${o.product}/${o.usageType}`, {
          line_item_product_code: o.product,
          line_item_usage_type: o.usageType,
          line_item_operation: o.operation,
          line_item_resource_id: '',
          line_item_usage_amount: iv.hours,
          line_item_unblended_cost: (o.amount * iv.hours) / 24,
        }),
      );
  }
  const first = intervals(month, granularity)[0]!;
  rows.push(
    line(first, 'tax', {
      line_item_line_item_type: 'Tax',
      line_item_product_code: 'AWSSupportBusiness',
      line_item_usage_type: '',
      line_item_operation: '',
      line_item_resource_id: '',
      line_item_usage_amount: 1,
      line_item_unblended_cost: s.monthlyTax,
    }),
  );
  return { rows, truth };
}

type LineFn = (iv: Interval, key: string, values: Cur2Row) => Cur2Row;

const podArn = (s: Scenario, p: Pod) =>
  p.cluster.kind === 'eks'
    ? `arn:aws:eks:${s.region}:${p.cluster.account ?? s.account}:pod/${p.cluster.name}/${p.workload.namespace}/${p.name}/${p.uid}`
    : `arn:aws:ecs:${s.region}:${s.account}:task/${p.cluster.name}/${p.uid.replace(/-/g, '')}`;

function tagsOf(p: Pod): Record<string, string> {
  if (p.cluster.kind === 'ecs') return { aws_ecs_cluster_name: p.cluster.name, aws_ecs_service_name: p.workload.name };
  return {
    [EKS_TAGS.cluster]: p.cluster.name,
    [EKS_TAGS.namespace]: p.workload.namespace,
    ...(p.node ? { [EKS_TAGS.node]: p.node.name } : {}),
    [EKS_TAGS.workloadType]: 'deployment',
    [EKS_TAGS.workloadName]: p.workload.name,
  };
}

function record(truth: MonthTruth, p: Pod, split: number, unused: number) {
  if (p.cluster.kind !== 'eks') return;
  const key = `${p.cluster.name}\t${p.workload.namespace}`;
  const t = truth.namespaces.get(key) ?? { cluster: p.cluster.name, namespace: p.workload.namespace, split: 0, unused: 0 };
  truth.namespaces.set(key, { ...t, split: t.split + split, unused: t.unused + unused });
}

function splitLine(
  s: Scenario,
  p: Pod,
  iv: Interval,
  line: LineFn,
  resource: 'vCPU' | 'GB',
  r: ResourceSplit,
  reserved: number,
  used: number,
) {
  const ecs = p.cluster.kind === 'ecs';
  const h = iv.hours;
  return line(iv, `${p.uid}/${resource}`, {
    line_item_usage_account_id: p.cluster.account ?? s.account,
    line_item_product_code: ecs ? 'AmazonECS' : 'AmazonEKS',
    line_item_usage_type: `${s.regionCode}-${ecs ? 'ECS' : 'EKS'}-EC2-${resource}-Hours`,
    line_item_operation: ecs ? 'ECSTask-EC2' : 'EKSPod-EC2',
    line_item_resource_id: podArn(s, p),
    line_item_usage_amount: r.allocated * h,
    line_item_unblended_cost: 0,
    resource_tags: tagsOf(p),
    split_line_item_parent_resource_id: p.node!.id,
    split_line_item_split_usage: r.allocated * h,
    split_line_item_split_usage_ratio: r.ratio,
    split_line_item_reserved_usage: reserved * h,
    split_line_item_actual_usage: used * h,
    split_line_item_split_cost: r.splitCost,
    split_line_item_unused_cost: r.unusedCost,
    split_line_item_public_on_demand_split_cost: r.splitCost,
    split_line_item_public_on_demand_unused_cost: r.unusedCost,
    split_line_item_net_split_cost: r.splitCost,
    split_line_item_net_unused_cost: r.unusedCost,
  });
}

function nodeRows(s: Scenario, c: ClusterSpec, node: NodeInstance, pods: Pod[], iv: Interval, line: LineFn, truth: MonthTruth) {
  const cost = node.group.hourly * iv.hours;
  if (c.kind === 'eks') truth.clusterBill.set(c.name, (truth.clusterBill.get(c.name) ?? 0) + cost);
  const parent = line(iv, node.id, {
    line_item_usage_account_id: c.account ?? s.account,
    line_item_product_code: 'AmazonEC2',
    line_item_usage_type: `${s.regionCode}-BoxUsage:${node.group.instanceType}`,
    line_item_operation: 'RunInstances',
    line_item_resource_id: node.id,
    line_item_usage_amount: iv.hours,
    line_item_unblended_cost: cost,
    product_instance_type: node.group.instanceType,
    resource_tags: { user_cluster: c.name, user_node_group: node.group.name },
  });
  const mine = pods.filter((p) => p.node === node);
  const uses = mine.map((p) => {
    const f = usageFactor(p, iv.index);
    return {
      cpuReserved: p.workload.cpu,
      cpuUsed: p.workload.cpu * f,
      memReserved: p.workload.memoryGiB,
      memUsed: p.workload.memoryGiB * f,
    };
  });
  const splits = splitInstance(cost, node.group.vcpu, node.group.memoryGiB, uses);
  const lines = mine.flatMap((p, i) => {
    const sp = splits[i]!;
    const u = uses[i]!;
    record(truth, p, sp.cpu.splitCost + sp.memory.splitCost, sp.cpu.unusedCost + sp.memory.unusedCost);
    return [
      splitLine(s, p, iv, line, 'vCPU', sp.cpu, u.cpuReserved, u.cpuUsed),
      splitLine(s, p, iv, line, 'GB', sp.memory, u.memReserved, u.memUsed),
    ];
  });
  return [parent, ...lines];
}

/** A Fargate pod is its own node: billed for what it reserved, nothing unused. */
function fargateRows(s: Scenario, p: Pod, iv: Interval, line: LineFn, truth: MonthTruth) {
  const h = iv.hours;
  const parts = [
    { resource: 'vCPU', usageType: `${s.regionCode}-Fargate-vCPU-Hours:perCPU`, qty: p.workload.cpu, rate: FARGATE.vcpuHour },
    { resource: 'GB', usageType: `${s.regionCode}-Fargate-GB-Hours`, qty: p.workload.memoryGiB, rate: FARGATE.gbHour },
  ];
  return parts.map((x) => {
    const cost = x.qty * x.rate * h;
    truth.clusterBill.set(p.cluster.name, (truth.clusterBill.get(p.cluster.name) ?? 0) + cost);
    record(truth, p, cost, 0);
    return line(iv, `${p.uid}/${x.resource}`, {
      line_item_usage_account_id: p.cluster.account ?? s.account,
      line_item_product_code: 'AmazonEKS',
      line_item_usage_type: x.usageType,
      line_item_operation: 'EKSPod-Fargate',
      line_item_resource_id: podArn(s, p),
      line_item_usage_amount: x.qty * h,
      line_item_unblended_cost: cost,
      resource_tags: tagsOf(p),
      split_line_item_split_usage: x.qty * h,
      split_line_item_split_usage_ratio: 1,
      split_line_item_reserved_usage: x.qty * h,
      split_line_item_split_cost: cost,
      split_line_item_unused_cost: 0,
      split_line_item_public_on_demand_split_cost: cost,
      split_line_item_public_on_demand_unused_cost: 0,
      split_line_item_net_split_cost: cost,
      split_line_item_net_unused_cost: 0,
    });
  });
}

/** EKS's own hourly fee: product AmazonEKS, but not a pod's split line. */
const controlPlane = (s: Scenario, c: ClusterSpec, iv: Interval, line: LineFn) =>
  line(iv, `${c.name}/control-plane`, {
    line_item_usage_account_id: c.account ?? s.account,
    line_item_product_code: 'AmazonEKS',
    line_item_usage_type: `${s.regionCode}-AmazonEKS-Hours:perCluster`,
    line_item_operation: 'CreateOperation',
    line_item_resource_id: `arn:aws:eks:${s.region}:${s.account}:cluster/${c.name}`,
    line_item_usage_amount: iv.hours,
    line_item_unblended_cost: 0.1 * iv.hours,
  });
