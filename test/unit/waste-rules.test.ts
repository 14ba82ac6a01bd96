import { describe, expect, it } from 'vitest';
import { gp2Volume } from '../../shared/detect/waste/rules/gp2-volume.js';
import { idleLoadBalancer } from '../../shared/detect/waste/rules/idle-load-balancer.js';
import { idleNatGateway } from '../../shared/detect/waste/rules/idle-nat-gateway.js';
import { idleRds } from '../../shared/detect/waste/rules/idle-rds.js';
import { orphanedSnapshot } from '../../shared/detect/waste/rules/orphaned-snapshot.js';
import { stoppedInstance } from '../../shared/detect/waste/rules/stopped-instance.js';
import { unassociatedEip } from '../../shared/detect/waste/rules/unassociated-eip.js';
import type { AnyWasteRule, DbInstance, EbsVolume, LoadBalancer, Listings } from '../../shared/detect/waste/types.js';
import { metricDimension } from '../../shared/waste/listings/load-balancers.js';
import { stoppedAtOf } from '../../shared/waste/listings/instances.js';

const NOW = new Date('2026-11-18T12:00:00Z');
const WINDOW = { start: new Date('2026-11-04T00:00:00Z'), end: new Date('2026-11-18T00:00:00Z') };
const BEFORE = '2026-10-01T00:00:00.000Z';
const DURING = '2026-11-10T00:00:00.000Z';
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
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function run(
  rule: AnyWasteRule,
  partial: Partial<Listings>,
  metrics: Record<string, number[]> = {},
  options: Record<string, unknown> = {},
  region = 'us-east-1',
) {
  const listings = { ...EMPTY, ...partial };
  const ctx = {
    region,
    account: null,
    options: rule.options.parse(options),
    now: NOW,
    window: WINDOW,
    unfiltered: listings,
    idle: { cpuThresholdPct: 5, lookbackDays: 14 },
  };
  return { ...rule.evaluate(listings, (k) => metrics[k] ?? [], ctx), queries: rule.queries?.(listings, ctx) ?? [] };
}
const ids = (r: { findings: { id: string }[] }) => r.findings.map((f) => f.id).sort();
const vol = (id: string, extra: Partial<EbsVolume> = {}): EbsVolume => ({
  id,
  volumeType: 'gp2',
  sizeGiB: 100,
  state: 'in-use',
  attachedTo: ['i-1'],
  tags: {},
  ...extra,
});

describe('unassociated-eip', () => {
  it('reports addresses associated with nothing at $3.65 a month', () => {
    const r = run(unassociatedEip, {
      addresses: [
        { id: 'eipalloc-free', publicIp: '1.2.3.4', associated: false, tags: {} },
        { id: 'eipalloc-used', publicIp: '1.2.3.5', associated: true, tags: {} },
      ],
    });
    expect(r.findings).toEqual([expect.objectContaining({ id: 'eipalloc-free', resourceType: 'elastic-ip', estimatedMonthlyCost: 3.65 })]);
  });
});

describe('idle-nat-gateway', () => {
  const nat = (id: string, createTime = BEFORE) => ({ id, state: 'available', createTime, tags: {} });
  it('is idle below maxGiB sent out over the window (GiB = 2^30 bytes), $32.85 a month', () => {
    const r = run(
      idleNatGateway,
      { natGateways: [nat('nat-quiet'), nat('nat-busy'), nat('nat-edge')] },
      { 'nat-quiet': [1000], 'nat-busy': [5 * 2 ** 30], 'nat-edge': [2 ** 30] },
    );
    expect(ids(r)).toEqual(['nat-quiet']);
    expect(r.findings[0]!.estimatedMonthlyCost).toBe(32.85);
    expect(r.queries[0]).toMatchObject({
      namespace: 'AWS/NATGateway',
      metricName: 'BytesOutToDestination',
      dimensions: { NatGatewayId: 'nat-quiet' },
      stat: 'Sum',
    });
  });

  it('counts no datapoints as idle only for a gateway created before the window began; maxGiB is configurable', () => {
    expect(ids(run(idleNatGateway, { natGateways: [nat('nat-old'), nat('nat-new', DURING)] }))).toEqual(['nat-old']);
    expect(ids(run(idleNatGateway, { natGateways: [nat('nat-a')] }, { 'nat-a': [3 * 2 ** 30] }, { maxGiB: 10 }))).toEqual(['nat-a']);
  });
});

describe('idle-load-balancer', () => {
  const lb = (name: string, type: string, extra: Partial<LoadBalancer> = {}): LoadBalancer => ({
    arn: `arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/${type === 'network' ? 'net' : 'app'}/${name}/abc`,
    name,
    type,
    state: 'active',
    createTime: BEFORE,
    dimension: `${type === 'network' ? 'net' : 'app'}/${name}/abc`,
    tags: {},
    ...extra,
  });

  it('queries ALB RequestCount and NLB NewFlowCount, and reports a sum of 0 at $16.43 a month', () => {
    const alb = lb('alb', 'application');
    const nlb = lb('nlb', 'network');
    const busy = lb('busy', 'application');
    const r = run(
      idleLoadBalancer,
      { loadBalancers: [alb, nlb, busy, lb('gwy', 'gateway')] },
      { [alb.arn]: [0], [nlb.arn]: [0], [busy.arn]: [12] },
    );

    expect(ids(r)).toEqual([alb.arn, nlb.arn].sort());
    expect(r.findings.every((f) => f.estimatedMonthlyCost === 16.43)).toBe(true);
    expect(r.queries.map((q) => [q.namespace, q.metricName, q.dimensions.LoadBalancer])).toEqual([
      ['AWS/ApplicationELB', 'RequestCount', 'app/alb/abc'],
      ['AWS/NetworkELB', 'NewFlowCount', 'net/nlb/abc'],
      ['AWS/ApplicationELB', 'RequestCount', 'app/busy/abc'],
    ]);
  });

  it('counts no datapoints as idle only when created before the window; ignores load balancers not active', () => {
    const r = run(idleLoadBalancer, {
      loadBalancers: [
        lb('old', 'application'),
        lb('new', 'application', { createTime: DURING }),
        lb('prov', 'application', { state: 'provisioning' }),
      ],
    });
    expect(r.findings.map((f) => f.name)).toEqual(['old']);
  });

  it('derives the CloudWatch dimension from the ARN, by the type (an NLB ARN some emulators write as app/)', () => {
    expect(metricDimension('arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/n1/391c', 'network')).toBe('net/n1/391c');
    expect(metricDimension('arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a1/15fd', 'application')).toBe('app/a1/15fd');
  });
});

describe('orphaned-snapshot', () => {
  const snap = (id: string, volumeId: string, startTime = daysAgo(100)) => ({
    id,
    volumeId,
    sizeGiB: 200,
    state: 'completed',
    startTime,
    tags: {},
  });
  it('reports snapshots older than minAgeDays whose volume is gone and that no AMI uses, at GiB × $0.05', () => {
    const r = run(orphanedSnapshot, {
      snapshots: [
        snap('snap-orphan', 'vol-gone'),
        snap('snap-live', 'vol-here'),
        snap('snap-ami', 'vol-gone'),
        snap('snap-young', 'vol-gone', daysAgo(89)),
      ],
      volumes: [vol('vol-here')],
      images: [{ id: 'ami-1', snapshotIds: ['snap-ami'], tags: {} }],
    });
    expect(ids(r)).toEqual(['snap-orphan']);
    expect(r.findings[0]!.estimatedMonthlyCost).toBe(10);
  });

  it('takes any age with minAgeDays 0', () => {
    expect(ids(run(orphanedSnapshot, { snapshots: [snap('snap-new', 'vol-gone', daysAgo(0.01))] }, {}, { minAgeDays: 0 }))).toEqual([
      'snap-new',
    ]);
  });
});

describe('gp2-volume', () => {
  it('reports in-use gp2 volumes, priced as the gp3 saving (GiB × $0.02)', () => {
    const r = run(gp2Volume, {
      volumes: [vol('vol-gp2'), vol('vol-gp3', { volumeType: 'gp3' }), vol('vol-free', { state: 'available', attachedTo: [] })],
    });
    expect(ids(r)).toEqual(['vol-gp2']);
    expect(r.findings[0]!.estimatedMonthlyCost).toBe(2);
  });
});

describe('stopped-instance', () => {
  const stopped = (id: string, stoppedAt: string | undefined, volumeIds: string[]) => ({
    id,
    instanceType: 'm5.large',
    state: 'stopped',
    stoppedAt,
    volumeIds,
    tags: {},
  });
  it('reports instances stopped more than minDays, priced as their volumes, covering them', () => {
    const r = run(stoppedInstance, {
      instances: [
        stopped('i-long', daysAgo(31), ['vol-a', 'vol-b']),
        stopped('i-recent', daysAgo(29), ['vol-c']),
        stopped('i-unknown', undefined, ['vol-d']),
      ],
      volumes: [
        vol('vol-a', { attachedTo: ['i-long'] }),
        vol('vol-b', { volumeType: 'gp3', sizeGiB: 50, attachedTo: ['i-long'] }),
        vol('vol-c'),
        vol('vol-d'),
      ],
    });
    expect(ids(r)).toEqual(['i-long']);
    expect(r.findings[0]).toMatchObject({ estimatedMonthlyCost: 14, covers: ['vol-a', 'vol-b'] }); // 100 × 0.10 + 50 × 0.08
  });

  it('prices an instance with a volume type the table does not know at null, and takes any stop time with minDays 0', () => {
    const r = run(
      stoppedInstance,
      { instances: [stopped('i-odd', daysAgo(0.5), ['vol-x'])], volumes: [vol('vol-x', { volumeType: 'gp9' })] },
      {},
      { minDays: 0 },
    );
    expect(r.findings[0]).toMatchObject({ id: 'i-odd', estimatedMonthlyCost: null, priceType: 'gp9' });
  });

  it('reads the stop time from the state transition reason, GMT as AWS writes it (UTC as moto does)', () => {
    expect(stoppedAtOf('User initiated (2026-10-01 08:30:00 GMT)')).toBe('2026-10-01T08:30:00.000Z');
    expect(stoppedAtOf('User initiated (2026-10-01 08:30:00 UTC)')).toBe('2026-10-01T08:30:00.000Z');
    expect(stoppedAtOf('Server.ScheduledStop')).toBeUndefined();
  });
});

describe('idle-rds', () => {
  const db = (id: string, extra: Partial<DbInstance> = {}): DbInstance => ({
    id,
    instanceClass: 'db.m5.large',
    engine: 'postgres',
    multiAz: false,
    status: 'available',
    tags: {},
    ...extra,
  });
  it('reports a DatabaseConnections maximum of 0, single-AZ at the on-demand price, Multi-AZ at twice it', () => {
    const r = run(
      idleRds,
      { dbInstances: [db('db-idle'), db('db-multi', { multiAz: true }), db('db-busy'), db('db-nodata')] },
      { 'db-idle': [0], 'db-multi': [0], 'db-busy': [4] },
    );
    expect(ids(r)).toEqual(['db-idle', 'db-multi']);
    const cost = Object.fromEntries(r.findings.map((f) => [f.id, f.estimatedMonthlyCost]));
    expect(cost['db-idle']).toBe(129.94); // $0.178/h × 730
    expect(cost['db-multi']).toBe(259.88);
    expect(r.noData).toBe(1);
    expect(r.queries[0]).toMatchObject({
      namespace: 'AWS/RDS',
      metricName: 'DatabaseConnections',
      dimensions: { DBInstanceIdentifier: 'db-idle' },
      stat: 'Maximum',
    });
  });

  it('leaves an engine or class the table does not know at null', () => {
    const r = run(
      idleRds,
      { dbInstances: [db('db-ora', { engine: 'oracle-ee' }), db('db-odd', { instanceClass: 'db.z9.huge' })] },
      { 'db-ora': [0], 'db-odd': [0] },
    );
    expect(r.findings.map((f) => f.estimatedMonthlyCost)).toEqual([null, null]);
  });
});
