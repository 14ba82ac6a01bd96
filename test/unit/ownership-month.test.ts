import { describe, expect, it } from 'vitest';
import type { WasteSummary } from '../../shared/report/findings.js';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel } from '../../shared/report/model.js';
import { ownershipOfMonth } from '../../shared/report/ownership-month.js';
import { reportData } from '../support/report-data.js';

const run = (asOf: string, resolved: Array<[string, number | null]>, untaggedSharePct?: number | null): WasteSummary => ({
  asOf,
  key: `findings/idle-resources/${asOf}.json`,
  items: [],
  estimatedMonthlySavings: 0,
  resolved: resolved.map(([id, cost]) => ({
    rule: 'unattached-volume',
    account: null,
    region: 'us-east-1',
    id,
    estimatedMonthlyCost: cost,
  })),
  ...(untaggedSharePct === undefined ? {} : { untaggedSharePct }),
});

describe("the monthly report's ownership figures", () => {
  it("sums the month's resolved findings once each, and takes the newest known untagged share of the month and of the month before", () => {
    const files = [
      run('2026-10-26', [['vol-old', 100]], 40),
      run('2026-11-02', [['vol-1', 10]], 35),
      run(
        '2026-11-09',
        [
          ['vol-1', 10],
          ['vol-2', 5.5],
          ['db-1', null],
        ],
        30,
      ),
      run('2026-11-16', [], null),
    ];
    expect(ownershipOfMonth(files, '2026-11')).toEqual({
      realizedSavings: 15.5,
      resolvedFindings: 3,
      untaggedSharePct: 30,
      untaggedSharePctPrevious: 40,
    });
  });

  it('is zero and unknown without any run in the month (older findings files carry neither)', () => {
    const old: WasteSummary = { asOf: '2026-11-02', key: 'k', items: [], estimatedMonthlySavings: 0 };
    expect(ownershipOfMonth([old], '2026-11')).toEqual({
      realizedSavings: 0,
      resolvedFindings: 0,
      untaggedSharePct: null,
      untaggedSharePctPrevious: null,
    });
  });

  it('shows the saving and the untagged share with its trend in the HTML waste section', () => {
    const waste: WasteSummary = { asOf: '2026-03-30', key: 'k', items: [], estimatedMonthlySavings: 0 };
    const ownership = { realizedSavings: 15.5, resolvedFindings: 3, untaggedSharePct: 30, untaggedSharePctPrevious: 40 };
    const html = renderHtml(buildReportModel(reportData({ waste, ownership })));
    expect(html).toContain('Saved this month: $15.50/month (3 findings resolved)');
    expect(html).toContain('Untagged spend: 30.0% of the last digest');
    expect(html).toContain('(the month before: 40.0%)');
  });
});
