import { describe, expect, it } from 'vitest';
import { reportSummaryLines } from '../../shared/report/summary.js';
import { buildReportModel } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';

describe('an empty month', () => {
  it('says "no change", not "$0.00 (new spend, $0.00)"', () => {
    const text = reportSummaryLines(buildReportModel(reportData())).join('\n');

    expect(text).toContain('No spend was recorded');
    expect(text).toMatch(/vs February 2026: \$0\.00 \(no change\)/);
    expect(text).not.toContain('new spend');
  });
});
