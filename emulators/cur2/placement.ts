import { createHash } from 'node:crypto';
import { replicasIn, type ClusterSpec, type NodeGroup, type Workload } from './scenario.js';

/** Stable ids, so the same scenario always writes the same bytes. */
export const stableHex = (key: string, length: number) => createHash('sha256').update(key).digest('hex').slice(0, length);

export interface NodeInstance {
  readonly id: string;
  readonly cluster: ClusterSpec;
  readonly group: NodeGroup;
  readonly name: string;
}

export interface Pod {
  readonly cluster: ClusterSpec;
  readonly workload: Workload;
  readonly name: string;
  readonly uid: string;
  /** null on Fargate. */
  readonly node: NodeInstance | null;
  readonly index: number;
}

export function nodesOf(cluster: ClusterSpec): NodeInstance[] {
  return cluster.groups.flatMap((g) =>
    Array.from({ length: g.nodes }, (_, n) => {
      const key = `${cluster.name}/${g.name}/${n}`;
      return { id: `i-0${stableHex(key, 16)}`, cluster, group: g, name: `ip-10-0-${n}-${g.name.length * 10 + n}.ec2.internal` };
    }),
  );
}

/** The month's pods, spread round-robin over their node group's nodes (Fargate pods have none). */
export function podsOf(cluster: ClusterSpec, nodes: readonly NodeInstance[], monthIndex: number): Pod[] {
  const next = new Map<string, number>();
  const pods: Pod[] = [];
  for (const wl of cluster.workloads) {
    const groupNodes = nodes.filter((n) => n.group.name === wl.group);
    if (wl.group !== 'fargate' && !groupNodes.length) throw new Error(`scenario: ${cluster.name} has no node group ${wl.group}`);
    for (let r = 0; r < replicasIn(wl, monthIndex); r++) {
      const at = next.get(wl.group) ?? 0;
      next.set(wl.group, at + 1);
      const key = `${cluster.name}/${wl.namespace}/${wl.name}/${r}`;
      pods.push({
        cluster,
        workload: wl,
        name: `${wl.name}-${stableHex(key, 9)}-${stableHex(`${key}/p`, 5)}`,
        uid: `${stableHex(`${key}/u1`, 8)}-${stableHex(`${key}/u2`, 4)}-${stableHex(`${key}/u3`, 4)}-${stableHex(`${key}/u4`, 12)}`,
        node: wl.group === 'fargate' ? null : groupNodes[at % groupNodes.length]!,
        index: pods.length,
      });
    }
  }
  return pods;
}

/** Used ÷ reserved for a pod in an interval: its workload's level, with a small deterministic wobble. */
export const usageFactor = (pod: Pod, interval: number) => pod.workload.usage * (1 + 0.08 * Math.sin(interval * 0.7 + pod.index));
