import { describe, expect, it } from 'vitest';
import { withinAccounts, type AnomalyRef, type RootCause } from '../../shared/detect/anomalies.js';

const cause = (account: string | null): RootCause => ({
  service: 'Amazon EC2',
  region: null,
  account,
  accountName: null,
  usageType: null,
  contribution: null,
});
const anomaly = (id: string, ...accounts: Array<string | null>): AnomalyRef => ({
  id,
  score: 80,
  impact: 100,
  rootCauses: accounts.map(cause),
  startDate: '2026-11-20',
  endDate: '2026-11-20',
  actualSpend: null,
  expectedSpend: null,
  impactPct: null,
});

describe('anomalies within the chosen accounts', () => {
  it('drops an anomaly naming only other accounts, keeps one naming a chosen account or none', () => {
    const chosen = (id: string) => id === '111111111111';
    const all = [
      anomaly('other', '222222222222'),
      anomaly('mixed', '222222222222', '111111111111'),
      anomaly('unnamed', null),
      anomaly('none'),
    ];

    expect(withinAccounts(all, chosen).map((a) => a.id)).toEqual(['mixed', 'unnamed', 'none']);
  });
});
