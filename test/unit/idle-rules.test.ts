import { describe, expect, it } from 'vitest';
import { rulesConfigSchema } from '../../shared/config/waste-rules.js';
import { WASTE_RULES } from '../../shared/detect/waste/registry.js';
import { idleInstance } from '../../shared/detect/waste/rules/idle-instance.js';
import { unattachedVolume } from '../../shared/detect/waste/rules/unattached-volume.js';
import type { AnyWasteRule, Ec2Instance, EbsVolume, Listings, RuleContext } from '../../shared/detect/waste/types.js';
import { applyExemption, isExempt } from '../../shared/waste/exemption.js';
import { mergeScopeScans } from '../../shared/waste/merge.js';
import type { Finding, ScopeScan } from '../../shared/waste/types.js';

const NOW = new Date('2026-11-18T12:00:00Z');
const WINDOW = { start: new Date('2026-11-04T00:00:00Z'), end: new Date('2026-11-18T00:00:00Z') };
const EMPTY: Listings = {
  instances: [],
  volumes: [],
  addresses: [],
  natGateways: [],
  loadBalancers: [],
  snapshots: [],
  images: [],
  dbInstances: [],
};
const instance = (id: string, instanceType = 'm5.large', tags: Record<string, string> = {}): Ec2Instance => ({
  id,
  instanceType,
  state: 'running',
  volumeIds: [],
  tags,
});
const volume = (id: string, volumeType: string, sizeGiB: number, extra: Partial<EbsVolume> = {}): EbsVolume => ({
  id,
  volumeType,
  sizeGiB,
  state: 'available',
  attachedTo: [],
  tags: {},
  ...extra,
});

function ctx(rule: AnyWasteRule, region = 'us-east-1', listings: Listings = EMPTY): RuleContext<never> {
  return {
    region,
    account: null,
    options: rule.options.parse({}) as never,
    now: NOW,
    window: WINDOW,
    unfiltered: listings,
    idle: { cpuThresholdPct: 5, lookbackDays: 14 },
  };
}
const metricsOf = (values: Record<string, number[]>) => (key: string) => values[key] ?? [];
const run = (rule: AnyWasteRule, partial: Partial<Listings>, metrics: Record<string, number[]> = {}, region = 'us-east-1') => {
  const listings = { ...EMPTY, ...partial };
  return rule.evaluate(listings, metricsOf(metrics), ctx(rule, region, listings));
};

/** What scanScope would return for one region, built from rule results (the scanner itself is tested against moto). */
function scopeScan(region: string, findings: Finding[], runningInstances = 0): ScopeScan {
  return {
    scope: { home: true, region },
    findings,
    ruleErrors: [],
    requests: {},
    runningInstances,
    exempt: 0,
    noData: 0,
    unpriced: [],
    byRule: [],
  };
}
const asFindings = (rule: AnyWasteRule, region: string, result: ReturnType<AnyWasteRule['evaluate']>): Finding[] =>
  result.findings.map((f) => ({
    rule: rule.name,
    account: null,
    region,
    id: f.id,
    resourceType: f.resourceType,
    detail: f.detail,
    estimatedMonthlyCost: f.estimatedMonthlyCost,
    action: rule.action,
    facts: f.facts,
  }));

describe('idle-instance and unattached-volume (part 1 rules)', () => {
  it('calls an instance idle only when its average CPU is strictly below the threshold', () => {
    const found = run(
      idleInstance,
      { instances: [instance('i-low'), instance('i-edge'), instance('i-busy')] },
      { 'i-low': [4.99], 'i-edge': [5], 'i-busy': [40] },
    );

    expect(found.findings.map((i) => i.id)).toEqual(['i-low']);
    expect(found.findings[0]).toMatchObject({ estimatedMonthlyCost: 70.08, facts: { instanceType: 'm5.large', avgCpuPct: 4.99 } });
  });

  it('counts instances without CPU data as noData, never as idle, and asks CloudWatch only about running ones', () => {
    const stopped = { ...instance('i-stopped'), state: 'stopped' };
    const listings = { ...EMPTY, instances: [instance('i-new'), instance('i-low'), stopped] };

    const found = run(idleInstance, listings, { 'i-low': [1] });

    expect(found.noData).toBe(1);
    expect(found.findings.map((i) => i.id)).toEqual(['i-low']);
    expect(idleInstance.queries!(listings, ctx(idleInstance)).map((q) => q.key)).toEqual(['i-new', 'i-low']);
  });

  it('exempts resources whose exempt tag says true in any case, and only those', () => {
    const all = {
      ...EMPTY,
      instances: [
        instance('i-upper', 'm5.large', { 'cost-watch:ignore': 'TRUE' }),
        instance('i-spaced', 'm5.large', { 'cost-watch:ignore': ' true ' }),
        instance('i-false', 'm5.large', { 'cost-watch:ignore': 'false' }),
        instance('i-other-key', 'm5.large', { ignore: 'true' }),
      ],
    };

    const { kept, tagged } = applyExemption(all, 'cost-watch:ignore');

    expect(tagged).toBe(2);
    expect(kept.instances.map((i) => i.id).sort()).toEqual(['i-false', 'i-other-key']);
    expect(isExempt({ 'cost-watch:ignore': 'yes' }, 'cost-watch:ignore')).toBe(false);
  });

  it('carries the Name tag of instances and volumes', () => {
    const i = run(idleInstance, { instances: [instance('i-1', 'm5.large', { Name: 'legacy_box' })] }, { 'i-1': [1] });
    const v = run(unattachedVolume, { volumes: [volume('vol-1', 'gp2', 10, { tags: { Name: 'old disk' } })] });

    expect(i.findings[0]!.name).toBe('legacy_box');
    expect(v.findings[0]!.name).toBe('old disk');
  });

  it('prices every unattached volume, leaves an unknown type at null, and ignores volumes in use', () => {
    const found = run(unattachedVolume, {
      volumes: [
        volume('vol-gp2', 'gp2', 100),
        volume('vol-gp3', 'gp3', 100),
        volume('vol-odd', 'gp9', 100),
        volume('vol-used', 'gp2', 100, { state: 'in-use', attachedTo: ['i-1'] }),
      ],
    });

    expect(Object.fromEntries(found.findings.map((v) => [v.id, v.estimatedMonthlyCost]))).toEqual({
      'vol-gp2': 10,
      'vol-gp3': 8,
      'vol-odd': null,
    });
  });

  it('adds up only known costs across regions, most expensive first, keeps the part-1 lists, and lists what it could not price', () => {
    const east = asFindings(
      idleInstance,
      'us-east-1',
      run(idleInstance, { instances: [instance('i-a', 'm5.large'), instance('i-b', 'zz9.huge')] }, { 'i-a': [1], 'i-b': [1] }),
    );
    const vol = asFindings(unattachedVolume, 'us-east-1', run(unattachedVolume, { volumes: [volume('vol-a', 'gp2', 1000)] }));
    const west = asFindings(
      idleInstance,
      'us-west-2',
      run(idleInstance, { instances: [instance('i-c', 'm5.xlarge')] }, { 'i-c': [2] }, 'us-west-2'),
    );

    const totals = mergeScopeScans([
      {
        ...scopeScan('us-east-1', [...east, ...vol], 2),
        unpriced: [{ rule: 'idle-instance', region: 'us-east-1', type: 'zz9.huge', count: 1 }],
      },
      scopeScan('us-west-2', west, 1),
    ]);

    expect(totals.findings.map((f) => f.id)).toEqual(['i-c', 'vol-a', 'i-a', 'i-b']);
    expect(totals.idleInstances.map((i) => i.id)).toEqual(['i-c', 'i-a', 'i-b']);
    expect(totals.idleInstances[0]).toEqual({
      id: 'i-c',
      region: 'us-west-2',
      instanceType: 'm5.xlarge',
      avgCpuPct: 2,
      estimatedMonthlyCost: 140.16,
    });
    expect(totals.unattachedVolumes).toEqual([
      { id: 'vol-a', region: 'us-east-1', sizeGiB: 1000, volumeType: 'gp2', estimatedMonthlyCost: 100 },
    ]);
    expect(totals.estimatedMonthlySavings).toBe(140.16 + 70.08 + 100);
    expect(totals.unpriced).toEqual([{ rule: 'idle-instance', region: 'us-east-1', type: 'zz9.huge', count: 1 }]);
    expect(totals.runningInstances).toBe(3);
  });
});

describe('rule registry and idle.rules config', () => {
  it('holds the nine rules of the contract, each with an action sentence and its default options', () => {
    expect(WASTE_RULES.map((r) => r.name).sort()).toEqual(
      [
        'gp2-volume',
        'idle-instance',
        'idle-load-balancer',
        'idle-nat-gateway',
        'idle-rds',
        'orphaned-snapshot',
        'stopped-instance',
        'unassociated-eip',
        'unattached-volume',
      ].sort(),
    );
    for (const r of WASTE_RULES) expect(r.action).toMatch(/^[A-Z][a-z]+ [^.]+[^.]$/);
    const defaults = rulesConfigSchema.parse({});
    expect(defaults['idle-nat-gateway']).toEqual({ enabled: true, maxGiB: 1 });
    expect(defaults['orphaned-snapshot']).toEqual({ enabled: true, minAgeDays: 90 });
    expect(defaults['stopped-instance']).toEqual({ enabled: true, minDays: 30 });
    expect(defaults['idle-rds']).toEqual({ enabled: true });
  });
});
