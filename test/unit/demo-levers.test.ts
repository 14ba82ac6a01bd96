import { describe, expect, it } from 'vitest';
import { describeLevers, leversDataset } from '../../scripts/demo/monthly-levers.js';
import { leverGaps, leversData } from '../support/levers-data.js';
import { reviewData } from '../support/review-data.js';

const MONTH = '2026-03';

describe('demo savings levers', () => {
  it('prints one line per lever from the report JSON, a gap with its reason, and the total counted once', () => {
    const { levers, totalDedupedSavings } = leversData(['storage-class']);
    const text = describeLevers({
      levers,
      totalDedupedSavings,
      currency: 'USD',
      commitments: reviewData().commitments,
      reviewGaps: leverGaps(['storage-class']),
    });

    const lines = text.split('\n');
    expect(lines[0]).toBe('Savings levers:');
    expect(lines.slice(1).map((l) => l.split(':')[0]!.trim())).toEqual([
      'Right-sizing',
      'RI / Savings Plans',
      'Spot',
      'Data transfer',
      'Graviton',
      'Storage class',
      'Counted once',
    ]);
    expect(text).toContain('  RI / Savings Plans: Savings Plans coverage 62.5%; buy 3 commitments, about $587.61 a month');
    expect(text).toContain('  Storage class: AWS would not answer: denied: the caller needs the IAM permission for storage-class');
    expect(text).toContain(`  Counted once: about $1,102.75 a month in all`);
  });

  it('says so when the report has no levers', () => {
    expect(describeLevers({ levers: [] })).toBe('Savings levers: none in this report.');
  });

  it('gives the Cost Explorer double usage for every lever: instance hours, non-production on demand, Spot, transfer that grew', () => {
    const records = leversDataset(MONTH, '111122223333');
    const sum = (f: (r: (typeof records)[number]) => boolean) =>
      Math.round(records.filter(f).reduce((a, r) => a + r.amount, 0) * 100) / 100;
    const inMonth = (r: (typeof records)[number]) => r.date.startsWith(MONTH);

    expect(records.every((r) => r.linkedAccount === '111122223333')).toBe(true);
    expect(sum((r) => inMonth(r) && /BoxUsage/.test(r.usageType!) && ['dev', 'staging'].includes(r.tags!.env!))).toBe(349.06);
    expect(records.some((r) => /SpotUsage/.test(r.usageType!) && r.tags!.env === 'test')).toBe(true);
    expect(
      records
        .filter((r) => /InstanceUsage:db\.|NodeUsage:cache\./.test(r.usageType!))
        .every((r) => (r as { quantity?: number }).quantity! > 0),
    ).toBe(true);
    const interAz = (month: boolean) => sum((r) => inMonth(r) === month && r.usageType === 'USE1-DataTransfer-Regional-Bytes');
    expect(interAz(true) / interAz(false)).toBeGreaterThan(2.5);
  });
});
