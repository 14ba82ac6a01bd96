import { describe, expect, it } from 'vitest';
import { untaggedSpendOf } from '../../shared/detect/ownership/untagged-spend.js';

const window = { start: '2026-11-24', end: '2026-11-30' };
const bucket = (groups: Record<string, number>, start = '2026-11-01') => ({
  start,
  estimated: false,
  groups: new Map(Object.entries(groups)),
});

describe('untagged spend', () => {
  it('is the key$ group: its amount and share of all spend, over every bucket of the window', () => {
    const spend = untaggedSpendOf(
      [bucket({ team$: 30, team$data: 50 }), bucket({ team$: 10, team$web: 10 }, '2026-12-01')],
      'team',
      window,
    );
    expect(spend).toEqual({ tagKey: 'team', window, total: 100, amount: 40, sharePct: 40, activated: true });
  });

  it('splits an organization by account from the same answer (TAG then LINKED_ACCOUNT), listing chosen accounts without spend', () => {
    const spend = untaggedSpendOf(
      [bucket({ 'team$|111111111111': 25, 'team$data|111111111111': 75, 'team$web|222222222222': 100 })],
      'team',
      window,
      ['111111111111', '222222222222', '333333333333'],
    );
    expect(spend.amount).toBe(25);
    expect(spend.sharePct).toBe(12.5);
    expect(spend.byAccount).toEqual([
      { account: '111111111111', amount: 25, total: 100, sharePct: 25 },
      { account: '222222222222', amount: 0, total: 100, sharePct: 0 },
      { account: '333333333333', amount: 0, total: 0, sharePct: null },
    ]);
  });

  it('says the tag is most likely not activated, instead of 100 % untagged, when spend carries no value of it at all', () => {
    const spend = untaggedSpendOf([bucket({ team$: 120 })], 'team', window);
    expect(spend).toMatchObject({ amount: null, sharePct: null, total: 120, activated: false });
    expect(spend.message).toMatch(/not activated as a cost allocation tag/);
  });

  it('has no share when nothing was spent, and is not called inactive then', () => {
    expect(untaggedSpendOf([bucket({})], 'team', window)).toMatchObject({ amount: 0, sharePct: null, total: 0, activated: true });
  });
});
