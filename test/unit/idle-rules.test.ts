import { describe, expect, it } from 'vitest';
import type { AvailableVolume, RunningInstance } from '../../shared/aws/ec2.js';
import { combineRegions, evaluateRegion, isExempt, type RegionScan } from '../../shared/detect/idle.js';

const rules = { cpuThresholdPct: 5, exemptTag: 'cost-watch:ignore' };
const instance = (id: string, instanceType = 'm5.large', tags: Record<string, string> = {}): RunningInstance => ({ id, instanceType, tags });
const volume = (id: string, volumeType: string, sizeGiB: number, extra: Partial<AvailableVolume> = {}): AvailableVolume => ({ id, volumeType, sizeGiB, tags: {}, ...extra });

function scan(instances: RunningInstance[], cpu: Record<string, number>, volumes: AvailableVolume[] = [], region = 'us-east-1'): RegionScan {
  return { region, instances, cpu: new Map(Object.entries(cpu)), volumes };
}

describe('idle rules', () => {
  it('calls an instance idle only when its average CPU is strictly below the threshold', () => {
    const input = scan([instance('i-low'), instance('i-edge'), instance('i-busy')], { 'i-low': 4.99, 'i-edge': 5, 'i-busy': 40 });

    const found = evaluateRegion(input, rules);

    expect(found.idleInstances.map((i) => i.id)).toEqual(['i-low']);
    expect(found.idleInstances[0]).toMatchObject({ region: 'us-east-1', instanceType: 'm5.large', avgCpuPct: 4.99, estimatedMonthlyCost: 70.08 });
  });

  it('counts instances without CPU data as noData, never as idle', () => {
    const input = scan([instance('i-new'), instance('i-low')], { 'i-low': 1 });

    const found = evaluateRegion(input, rules);

    expect(found.noData).toBe(1);
    expect(found.idleInstances.map((i) => i.id)).toEqual(['i-low']);
  });

  it('skips instances whose exempt tag says true in any case, and only those', () => {
    const input = scan(
      [
        instance('i-upper', 'm5.large', { 'cost-watch:ignore': 'TRUE' }),
        instance('i-spaced', 'm5.large', { 'cost-watch:ignore': ' true ' }),
        instance('i-false', 'm5.large', { 'cost-watch:ignore': 'false' }),
        instance('i-other-key', 'm5.large', { ignore: 'true' }),
      ],
      { 'i-upper': 1, 'i-spaced': 1, 'i-false': 1, 'i-other-key': 1 },
    );

    const found = evaluateRegion(input, rules);

    expect(found.exempt).toBe(2);
    expect(found.idleInstances.map((i) => i.id).sort()).toEqual(['i-false', 'i-other-key']);
    expect(isExempt({ 'cost-watch:ignore': 'yes' }, rules.exemptTag)).toBe(false);
  });

  it('carries the Name tag of instances and volumes', () => {
    const input = scan([instance('i-1', 'm5.large', { Name: 'legacy_box' })], { 'i-1': 1 }, [volume('vol-1', 'gp2', 10, { tags: { Name: 'old disk' } })]);

    const found = evaluateRegion(input, rules);

    expect(found.idleInstances[0]!.name).toBe('legacy_box');
    expect(found.unattachedVolumes[0]!.name).toBe('old disk');
  });

  it('prices every unattached volume and leaves an unknown type at null', () => {
    const input = scan([], {}, [volume('vol-gp2', 'gp2', 100), volume('vol-gp3', 'gp3', 100), volume('vol-odd', 'gp9', 100)]);

    const found = evaluateRegion(input, rules);

    expect(Object.fromEntries(found.unattachedVolumes.map((v) => [v.id, v.estimatedMonthlyCost]))).toEqual({ 'vol-gp2': 10, 'vol-gp3': 8, 'vol-odd': null });
  });

  it('adds up only known costs across regions, most expensive first, and lists what it could not price', () => {
    const east = evaluateRegion(scan([instance('i-a', 'm5.large'), instance('i-b', 'zz9.huge')], { 'i-a': 1, 'i-b': 1 }, [volume('vol-a', 'gp2', 1000)]), rules);
    const west = evaluateRegion(scan([instance('i-c', 'm5.xlarge')], { 'i-c': 2 }, [], 'us-west-2'), rules);

    const totals = combineRegions([east, west]);

    expect(totals.idleInstances.map((i) => i.id)).toEqual(['i-c', 'i-a', 'i-b']);
    expect(totals.estimatedMonthlySavings).toBe(140.16 + 70.08 + 100);
    expect(totals.unpriced).toEqual([{ kind: 'instance', region: 'us-east-1', type: 'zz9.huge', count: 1 }]);
    expect(totals.runningInstances).toBe(3);
  });
});
