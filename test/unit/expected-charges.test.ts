import { describe, expect, it } from 'vitest';
import { judgeCharges, recordKind, type ChargePosting } from '../../shared/detect/expected/index.js';
import { RULES } from '../support/expected-series.js';

const RI = 'Recurring reservation fee';

const postings = (ri: number): ChargePosting[] => [
  { date: '2026-10-01', recordType: RI, amount: 2150 },
  { date: '2026-10-01', recordType: 'Tax', amount: 2300 },
  { date: '2026-10-01', recordType: 'Savings Plan Recurring Fee', amount: 1440 },
  { date: '2026-10-15', recordType: 'Usage', amount: 90_000 },
  { date: '2026-11-01', recordType: RI, amount: ri },
  { date: '2026-11-01', recordType: 'Tax', amount: 2420 },
  { date: '2026-11-01', recordType: 'Savings Plan Recurring Fee', amount: 1440 },
  { date: '2026-11-02', recordType: 'Usage', amount: 95_000 },
];

describe('charges month over month', () => {
  it('tells usage, charges and credits apart in both the console and the CUR spelling', () => {
    for (const t of ['Usage', 'DiscountedUsage', 'Reservation applied usage', 'Savings Plan Covered Usage', 'SavingsPlanNegation']) {
      expect(recordKind(t)).toBe('usage');
    }
    const charges = [
      'Tax',
      'Support fee',
      RI,
      'RIFee',
      'Fee',
      'Savings Plan Recurring Fee',
      'SavingsPlanUpfrontFee',
      'Other out-of-cycle charges',
    ];
    for (const t of charges) expect(recordKind(t)).toBe('charge');
    for (const t of ['Credit', 'Refund', 'Enterprise Discount Program Discount', 'Bundled Discount']) expect(recordKind(t)).toBe('credit');
  });

  it('alerts a reservation fee that rose by half against the month before, on the day it posts', () => {
    const judged = judgeCharges(postings(3300), '2026-11-01', RULES);
    expect(judged.find((c) => c.recordType === RI)).toMatchObject({ month: '2026-11', amount: 3300, previous: 2150, severity: 'critical' });
    expect(judged.find((c) => c.recordType === 'Tax')?.severity).toBe('none');
    expect(judged.map((c) => c.recordType)).not.toContain('Usage');
  });

  it('stays quiet when each charge is what it was last month, however large', () => {
    expect(judgeCharges(postings(2150), '2026-11-20', RULES).filter((c) => c.severity !== 'none')).toEqual([]);
  });

  it('judges the month so far, so a fee posted mid-month is judged on the day it lands', () => {
    const midMonth = [...postings(2150), { date: '2026-11-05', recordType: RI, amount: 1200 }];
    expect(judgeCharges(midMonth, '2026-11-04', RULES).find((c) => c.recordType === RI)?.severity).toBe('none');
    const landed = judgeCharges(midMonth, '2026-11-05', RULES).find((c) => c.recordType === RI);
    expect(landed).toMatchObject({ amount: 3350, severity: 'critical' });
  });

  it('calls a charge with nothing the month before new spend, above minDelta only', () => {
    const fresh = [
      { date: '2026-11-03', recordType: 'Support fee', amount: 500 },
      { date: '2026-11-03', recordType: 'Fee', amount: 4 },
    ];
    const judged = judgeCharges(fresh, '2026-11-03', RULES);
    expect(judged.find((c) => c.recordType === 'Support fee')).toMatchObject({ changePct: null, severity: 'critical' });
    expect(judged.find((c) => c.recordType === 'Fee')?.severity).toBe('none');
  });
});
