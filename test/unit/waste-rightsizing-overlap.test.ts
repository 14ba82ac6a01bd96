import { describe, expect, it } from 'vitest';
import { reviewLines } from '../../shared/report/email/review.js';
import type { WasteSummary } from '../../shared/report/findings.js';
import { buildReportModel } from '../../shared/report/model.js';
import { markCountedInWaste } from '../../shared/report/overlap.js';
import { reviewSection } from '../../shared/report/review-html.js';
import { reportData } from '../support/report-data.js';
import { reviewData } from '../support/review-data.js';

/** i-0aaa is idle (a waste finding) and also has rightsizing advice. */
const waste: WasteSummary = {
  asOf: '2026-03-30',
  key: 'findings/idle-resources/2026-03-30.json',
  items: [
    {
      kind: 'idle instance',
      rule: 'idle-instance',
      account: '123456789012',
      id: 'i-0aaa',
      region: 'us-east-1',
      detail: 'CPU 1%',
      estimatedMonthlyCost: 280.32,
    },
  ],
  estimatedMonthlySavings: 280.32,
};

describe('an instance that is both waste and a rightsizing recommendation', () => {
  const review = markCountedInWaste(reviewData(), waste);

  it('is marked on its rightsizing row and left out of the rightsizing total', () => {
    expect(review.rightsizing.map((r) => [r.instanceId, r.countedInWaste ?? false])).toEqual([
      ['i-0aaa', true],
      ['i-0bbb', false],
    ]);
    const html = reviewSection(buildReportModel(reportData({ waste, review })));
    expect(html).toContain('counted in waste');
    expect(html).toMatch(/Estimated savings \(not counting waste\)<\/th><td class="opt"><\/td><td><\/td><th>\$60\.74</);
  });

  it('says so in the email, whose rightsizing saving leaves it out', () => {
    const line = reviewLines(review, 'USD').find(([label]) => label === 'Rightsizing');
    expect(line?.[1]).toBe('2 recommendations, about $60.74 a month (1 also a waste finding, counted in waste only)');
  });

  it('marks nothing when the waste finding is in another account', () => {
    const other = { ...waste, items: [{ ...waste.items[0]!, account: '999999999999' }] };
    expect(markCountedInWaste(reviewData(), other).rightsizing.some((r) => r.countedInWaste)).toBe(false);
  });
});
