import { describe, expect, it } from 'vitest';
import { dedupeLevers } from '../../shared/review/levers/dedup.js';
import type { AnyLever } from '../../shared/review/levers/types.js';
import { leversData } from '../support/levers-data.js';

const rightsizingRow = (id: string, saving: number) => ({
  account: '111111111111',
  instanceId: id,
  instanceType: 'm5.2xlarge',
  action: 'modify' as const,
  targetType: 'm5.xlarge',
  estimatedMonthlySavings: saving,
  resource: id,
});
const gravitonItem = (id: string, saving: number) => ({
  account: '111111111111',
  region: 'us-east-1',
  resourceType: 'ec2-instance' as const,
  id,
  name: null,
  currentType: 'm5.2xlarge',
  targetType: 'm7g.2xlarge',
  monthlyCost: 280.32,
  targetMonthlyCost: 280.32 - saving,
  estimatedMonthlySavings: saving,
  resource: id,
});
const lever = <L extends AnyLever['lever']>(name: L, items: unknown[]): AnyLever =>
  ({ lever: name, estimatedMonthlySavings: null, basis: 'b', items }) as AnyLever;

describe('savings levers counted once', () => {
  it('counts an instance that is both a rightsizing and a Graviton candidate once, with the larger saving', () => {
    const out = dedupeLevers([
      lever('rightsizing', [rightsizingRow('i-1', 140.16), rightsizingRow('i-2', 10)]),
      lever('graviton', [gravitonItem('i-1', 42.05), gravitonItem('i-2', 30)]),
    ]);
    expect(out.totalDedupedSavings).toBe(170.16);
    const [rs, gv] = out.levers;
    expect(rs!.estimatedMonthlySavings).toBe(140.16);
    expect(gv!.estimatedMonthlySavings).toBe(30);
    expect(gv!.items[0]).toMatchObject({ id: 'i-1', countedIn: 'rightsizing' });
    expect(rs!.items[1]).toMatchObject({ instanceId: 'i-2', countedIn: 'graviton' });
    expect(rs!.items[0]).not.toHaveProperty('countedIn');
  });

  it('adds alternatives for the same usage once, the largest', () => {
    const sp = (saving: number, hourly: number) => ({
      usage: 'compute',
      resource: 'commitments:compute',
      estimatedMonthlySavings: saving,
      hourlyCommitment: hourly,
    });
    const out = dedupeLevers([lever('commitments', [sp(100, 1), sp(250, 3), { ...sp(40, 1), usage: 'rds', resource: 'commitments:rds' }])]);
    expect(out.totalDedupedSavings).toBe(290);
    expect(out.levers[0]!.estimatedMonthlySavings).toBe(290);
    expect(out.levers[0]!.items[0]).toMatchObject({ countedIn: 'commitments' });
  });

  it('leaves rightsizing already counted in waste out, and keeps data transfer and gaps unpriced', () => {
    const out = dedupeLevers([
      lever('rightsizing', [{ ...rightsizingRow('i-1', 99), countedInWaste: true }]),
      lever('data-transfer', [{ kind: 'inter-az', amount: 5, previous: 1, changePct: 400, severity: 'none', top: [] }]),
      { ...lever('spot', []), gap: true } as AnyLever,
    ]);
    expect(out.totalDedupedSavings).toBe(0);
    expect(out.levers.map((l) => l.estimatedMonthlySavings)).toEqual([0, null, null]);
  });

  it('the sample for rendering adds its lever totals up to the deduplicated total', () => {
    const sample = leversData();
    const sum = sample.levers.reduce((a, l) => a + (l.estimatedMonthlySavings ?? 0), 0);
    expect(Math.round(sum * 100) / 100).toBe(sample.totalDedupedSavings);
    expect(sample.levers.map((l) => l.lever)).toEqual(['rightsizing', 'commitments', 'spot', 'data-transfer', 'graviton', 'storage-class']);
    expect(leversData(['spot']).levers.find((l) => l.lever === 'spot')).toMatchObject({
      gap: true,
      items: [],
      estimatedMonthlySavings: null,
    });
  });
});
