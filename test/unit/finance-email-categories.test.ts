import { describe, expect, it } from 'vitest';
import { renderEmailHtml, renderEmailText, type CategoryRow, type FinanceEmailContent } from '../../shared/report/email/index.js';
import { buildReportModel } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';

const categories: CategoryRow[] = [
  { category: 'Compute', amount: 1000, previous: 800, changePct: 25, budget: 900, budgetPct: 111.1 },
  { category: 'Machine learning', amount: 0, previous: 0, changePct: null, budget: 500, budgetPct: 0 },
  { category: 'Storage', amount: 40, previous: 0, changePct: null, budget: null, budgetPct: null },
];

const content: FinanceEmailContent = {
  model: buildReportModel(
    reportData({
      current: new Map([['Amazon Elastic Compute Cloud - Compute', 1040]]),
      previous: new Map([['Amazon Elastic Compute Cloud - Compute', 800]]),
    }),
  ),
  categories,
  attachments: [],
  location: 's3://reports/reports/2026-03/',
};

describe('finance email categories', () => {
  it('says "no change" for a category with no spend in either month, in HTML and text', () => {
    const html = renderEmailHtml(content);
    const text = renderEmailText(content);

    const row = html.slice(html.indexOf('>Machine learning<'), html.indexOf('>Storage<'));
    expect(row).toContain('no change');
    expect(row).not.toContain('new spend');
    expect(text).toContain('- Machine learning: $0.00 (no change)');
    expect(text).toContain('- Storage: $40.00 (new spend)');
  });
});
