import { describe, expect, it } from 'vitest';
import { WASTE_RULE_OPTIONS } from '../../shared/config/waste-rules.js';
import { alertingOf, muteScopeOfKey, WASTE_RULES } from '../../shared/detect/waste/registry.js';
import type { Ec2Instance, EbsVolume, Listings } from '../../shared/detect/waste/types.js';
import { applyExemption } from '../../shared/waste/exemption.js';
import { legacyCounts, legacyLists, legacyNoData, reportKindOf, reportKindOfList, ruleOfReportItem } from '../../shared/waste/legacy.js';
import { emptyListings, LISTING_NAMES, LISTINGS } from '../../shared/waste/listings/index.js';
import { wasteReadPermissions } from '../../shared/waste/permissions.js';
import type { Finding } from '../../shared/waste/types.js';

const IGNORE = { 'cost-watch:ignore': 'true' };
const instance = (id: string, tags = {}): Ec2Instance => ({ id, instanceType: 'm5.large', state: 'stopped', volumeIds: [], tags });
const volume = (id: string, attachedTo: string[], tags = {}): EbsVolume => ({
  id,
  volumeType: 'gp3',
  sizeGiB: 8,
  state: 'in-use',
  attachedTo,
  tags,
});
const finding = (rule: string, id: string, facts: Finding['facts'] = {}): Finding => ({
  rule,
  account: null,
  region: 'us-east-1',
  id,
  resourceType: 'x',
  detail: 'd',
  estimatedMonthlyCost: 1,
  action: 'a',
  facts,
});

describe('resource listings registry', () => {
  it('declares for every listing its service, calls and the IAM action of each call', () => {
    expect(LISTING_NAMES).toEqual([
      'instances',
      'volumes',
      'addresses',
      'natGateways',
      'snapshots',
      'images',
      'loadBalancers',
      'dbInstances',
    ]);
    for (const name of LISTING_NAMES) {
      const l = LISTINGS[name];
      expect(l.name).toBe(name);
      expect(['ec2', 'elbv2', 'rds']).toContain(l.service);
      for (const call of l.calls)
        expect(
          l.iam.actions.some((a) => a.endsWith(`:${call}`)),
          `${name}: ${call}`,
        ).toBe(true);
    }
  });

  it('starts a scope from an empty list of every resource type', () => {
    expect(emptyListings()).toEqual(Object.fromEntries(LISTING_NAMES.map((n) => [n, []])));
  });

  it('builds the scan read permissions from the listings: one statement per reason, then the metric and tag reads', () => {
    const reads = wasteReadPermissions();
    const at = { partition: 'aws', account: '111122223333' };
    expect(reads.map((r) => ({ actions: r.actions, resources: r.resources(at) }))).toEqual([
      {
        actions: [
          'ec2:DescribeInstances',
          'ec2:DescribeVolumes',
          'ec2:DescribeAddresses',
          'ec2:DescribeNatGateways',
          'ec2:DescribeSnapshots',
          'ec2:DescribeImages',
        ],
        resources: ['*'],
      },
      { actions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeTags'], resources: ['*'] },
      { actions: ['rds:DescribeDBInstances'], resources: ['arn:aws:rds:*:111122223333:db:*'] },
      { actions: ['cloudwatch:GetMetricData'], resources: ['*'] },
      { actions: ['tag:GetResources'], resources: ['*'] },
    ]);
    expect(reads.flatMap((r) => r.actions)).toEqual(expect.arrayContaining(LISTING_NAMES.flatMap((n) => LISTINGS[n].iam.actions)));
  });

  it('exempts tagged items of every listing that declares the tag, volumes through their instance, never images', () => {
    const all: Listings = {
      ...emptyListings(),
      instances: [instance('i-keep'), instance('i-skip', IGNORE)],
      volumes: [volume('vol-own', [], IGNORE), volume('vol-through', ['i-skip']), volume('vol-keep', ['i-keep'])],
      addresses: [{ id: 'eipalloc-1', associated: false, tags: IGNORE }],
      images: [{ id: 'ami-1', snapshotIds: ['snap-1'], tags: IGNORE }],
      dbInstances: [{ id: 'db-1', instanceClass: 'db.t3.micro', engine: 'mysql', multiAz: false, status: 'available', tags: IGNORE }],
    };
    const { kept, tagged } = applyExemption(all, 'cost-watch:ignore');
    expect(kept.instances.map((i) => i.id)).toEqual(['i-keep']);
    expect(kept.volumes.map((v) => v.id)).toEqual(['vol-keep']);
    expect(kept.addresses).toEqual([]);
    expect(kept.dbInstances).toEqual([]);
    expect(kept.images.map((i) => i.id)).toEqual(['ami-1']);
    // The instance, the volume tagged itself, the address and the database: not the volume exempt through its instance, not the image.
    expect(tagged).toBe(4);
  });
});

describe('waste rules registry', () => {
  it('lists the rules in the order of idle.rules, each taking its options from config under its own name', () => {
    expect(WASTE_RULES.map((r) => r.name)).toEqual(Object.keys(WASTE_RULE_OPTIONS));
    for (const r of WASTE_RULES) expect(r.options).toBe(WASTE_RULE_OPTIONS[r.name as keyof typeof WASTE_RULE_OPTIONS]);
  });

  it('keeps every alert kind and mute scope as the rules declare them', () => {
    expect(Object.fromEntries(WASTE_RULES.map((r) => [r.name, [alertingOf(r.name).kind, alertingOf(r.name).muteScope]]))).toEqual({
      'idle-instance': ['instance', 'instance'],
      'stopped-instance': ['stopped-instance', 'instance'],
      'unattached-volume': ['volume', 'volume'],
      'gp2-volume': ['gp2-volume', 'volume'],
      'orphaned-snapshot': ['orphaned-snapshot', 'orphaned-snapshot'],
      'unassociated-eip': ['unassociated-eip', 'unassociated-eip'],
      'idle-nat-gateway': ['idle-nat-gateway', 'idle-nat-gateway'],
      'idle-load-balancer': ['idle-load-balancer', 'idle-load-balancer'],
      'idle-rds': ['idle-rds', 'idle-rds'],
    });
    expect(alertingOf('a-test-rule')).toEqual({ kind: 'a-test-rule', muteScope: 'a-test-rule' });
  });

  it('gives a mute key the scope of the rules whose id prefix it carries, and none to any other key', () => {
    expect(muteScopeOfKey('i-0abc123')).toBe('instance');
    expect(muteScopeOfKey('vol-0abc123')).toBe('volume');
    expect(muteScopeOfKey('i-not-hex')).toBeUndefined();
    expect(muteScopeOfKey('eipalloc-1')).toBeUndefined();
  });
});

describe('part 1 result fields adapter', () => {
  const findings = [
    finding('unattached-volume', 'vol-1', { sizeGiB: 8, volumeType: 'gp2', iops: 100 }),
    finding('idle-instance', 'i-1', { instanceType: 'm5.large', avgCpuPct: 1.5 }),
    finding('gp2-volume', 'vol-2'),
  ];

  it('derives idleInstances and unattachedVolumes from the findings of the rules that declare them', () => {
    expect(legacyLists(findings)).toEqual({
      idleInstances: [{ id: 'i-1', region: 'us-east-1', instanceType: 'm5.large', avgCpuPct: 1.5, estimatedMonthlyCost: 1 }],
      unattachedVolumes: [{ id: 'vol-1', region: 'us-east-1', sizeGiB: 8, volumeType: 'gp2', iops: 100, estimatedMonthlyCost: 1 }],
    });
    expect(legacyCounts(findings)).toEqual({ idleInstances: 1, unattachedVolumes: 1 });
    expect(
      legacyNoData(
        new Map([
          ['idle-instance', 3],
          ['idle-rds', 5],
        ]),
      ),
    ).toBe(3);
  });

  it('names part 1 findings in the report by their old kinds and maps old items back to their rules', () => {
    expect(reportKindOf('idle-instance')).toBe('idle instance');
    expect(reportKindOf('gp2-volume')).toBe('gp2-volume');
    expect(reportKindOfList('unattachedVolumes')).toBe('unattached volume');
    expect(ruleOfReportItem({ kind: 'unattached volume' })).toBe('unattached-volume');
    expect(ruleOfReportItem({ kind: 'idle-rds', rule: 'idle-rds' })).toBe('idle-rds');
  });
});
