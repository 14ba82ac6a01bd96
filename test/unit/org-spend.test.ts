import { describe, expect, it } from 'vitest';
import { evaluateOrganization, orgDays } from '../../shared/detect/org-spend.js';

const A = '111111111111';
const B = '222222222222';
const rules = { warningPct: 20, criticalPct: 50, minDelta: 10, baseline: 'previous-day' as const, recheckDays: 0 };

const bucket = (start: string, groups: Record<string, number>) => ({ start, estimated: false, groups: new Map(Object.entries(groups)) });

describe('organization spend', () => {
  it('splits account and service at the first |, keeps service names whole, drops unwanted accounts', () => {
    const [day] = orgDays([bucket('2026-11-20', { [`${A}|Odd | name`]: 5, [`${B}|EC2`]: 7, [`${A}|EC2`]: 1 })], (id) => id === A);
    expect([...day!.byService]).toEqual([
      ['Odd | name', 5],
      ['EC2', 1],
    ]);
    expect([...day!.byAccount.keys()]).toEqual([A]);
  });

  it('judges the organization total, each account total and each service of each account with the same rule', () => {
    const days = orgDays([
      bucket('2026-11-19', { [`${A}|EC2`]: 100, [`${B}|EC2`]: 100, [`${B}|S3`]: 100 }),
      bucket('2026-11-20', { [`${A}|EC2`]: 200, [`${B}|EC2`]: 100, [`${B}|S3`]: 90 }),
    ]);
    const e = evaluateOrganization(days, '2026-11-20', rules, (id) => (id === A ? 'Data' : id));
    expect(e.total).toMatchObject({ amount: 390, previous: 300, severity: 'warning' });
    expect(e.spikes.map((s) => [s.scope, s.key, s.account, s.accountName, s.severity])).toEqual([
      ['total', 'total', null, null, 'warning'],
      ['account', A, A, 'Data', 'critical'],
      ['service', 'EC2', A, 'Data', 'critical'],
    ]);
  });
});
