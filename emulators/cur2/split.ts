/**
 * AWS's split cost allocation for one instance and one interval, as its user
 * guide works the example: CPU and memory weighted 9:1 (from Fargate's vCPU
 * and GB prices), a pod's allocated capacity is the larger of what it
 * reserved and what it used, and the instance's unused capacity is
 * reallocated to its pods in proportion to their split usage ratio, so that
 * split + unused over the pods is the instance's cost.
 */

export interface PodUse {
  readonly cpuReserved: number;
  readonly cpuUsed: number;
  readonly memReserved: number;
  readonly memUsed: number;
}

export interface ResourceSplit {
  readonly allocated: number;
  readonly ratio: number;
  readonly splitCost: number;
  readonly unusedCost: number;
}

export interface PodSplit {
  readonly cpu: ResourceSplit;
  readonly memory: ResourceSplit;
}

export const CPU_WEIGHT = 9;
export const MEMORY_WEIGHT = 1;

function splitResource(allocated: number[], available: number, pool: number): ResourceSplit[] {
  const ratios = allocated.map((a) => a / available);
  const used = ratios.reduce((a, b) => a + b, 0);
  if (used > 1 + 1e-9) throw new Error(`split: pods allocate ${used * 100}% of the instance; the scenario overcommits a node`);
  const unused = (1 - used) * pool;
  return ratios.map((ratio, i) => ({
    allocated: allocated[i]!,
    ratio,
    splitCost: ratio * pool,
    unusedCost: used > 0 ? (ratio / used) * unused : 0,
  }));
}

/** `cost`: the instance's cost over the interval; vcpu and memory: what it offers. */
export function splitInstance(cost: number, vcpu: number, memoryGiB: number, pods: readonly PodUse[]): PodSplit[] {
  const unit = cost / (CPU_WEIGHT * vcpu + MEMORY_WEIGHT * memoryGiB);
  const cpu = splitResource(
    pods.map((p) => Math.max(p.cpuReserved, p.cpuUsed)),
    vcpu,
    CPU_WEIGHT * unit * vcpu,
  );
  const memory = splitResource(
    pods.map((p) => Math.max(p.memReserved, p.memUsed)),
    memoryGiB,
    MEMORY_WEIGHT * unit * memoryGiB,
  );
  return pods.map((_, i) => ({ cpu: cpu[i]!, memory: memory[i]! }));
}
