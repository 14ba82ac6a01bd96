import { describe, expect, it } from 'vitest';
import { summarizeMonthlyReport, toResult, type ResultExtras } from '../../shared/jobs/monthly-report/result.js';
import { renderCsv } from '../../shared/report/csv.js';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel } from '../../shared/report/model.js';
import type { FinOpsReview } from '../../shared/review/types.js';
import { reportData } from '../support/report-data.js';
import { reviewData } from '../support/review-data.js';

const html = (review?: Partial<FinOpsReview>) =>
  renderHtml(
    buildReportModel(
      reportData({
        current: new Map([['Amazon EC2', 1550]]),
        previous: new Map([['Amazon EC2', 1040]]),
        review: review ? reviewData(review) : undefined,
      }),
    ),
  );
const section = (page: string) =>
  page.slice(page.indexOf('<section class="review">'), page.indexOf('</section>', page.indexOf('<section class="review">')));

describe('FinOps review section', () => {
  it('shows categories against budgets, allocation against targets, commitments and rightsizing, with two charts', () => {
    const s = section(html({}));

    expect(s).toContain('<h2>FinOps review</h2>');
    expect(s).toContain('class="chart bar-chart category-bars"');
    expect(s).toContain('class="chart bar-chart allocation-bars"');
    expect(s).toMatch(/Compute<\/td><td>\$1,200\.00<\/td><td class="opt">\+20\.0%<\/td><td>\$1,000\.00<\/td><td class="up">120\.0%/);
    expect(s).toMatch(/production<\/td><td class="opt">\$1,000\.00<\/td><td>64\.5%<\/td><td>70\.0%<\/td><td>-5\.5 pp</);
    expect(s).toContain('Savings Plans</td><td>62.5%</td><td>98.1%</td>');
    expect(s).toContain('Reserved Instances</td><td colspan="2">none in this account');
    expect(s.indexOf('i-0aaa')).toBeLessThan(s.indexOf('i-0bbb'));
    expect(s).toContain('$200.90');
    expect(s).toContain('19.4% of the month');
  });

  it('escapes category names and tag values in text, titles and labels', () => {
    const s = section(html({}));

    expect(s).toContain('R&amp;D &lt;ml&gt; &quot;x&quot;');
    expect(s).not.toContain('R&D <ml>');
    expect(s).toContain('=cmd|x');
  });

  it('says in place what AWS would not answer, and still shows the rest', () => {
    const s = section(
      html({
        rightsizing: [],
        gaps: [
          {
            part: 'rightsizing',
            operation: 'GetRightsizingRecommendation',
            message: 'not enabled: turn it on in the Cost Explorer preferences <payer>',
          },
          {
            part: 'savingsPlans',
            operation: 'GetSavingsPlansUtilization',
            message: 'denied: the caller needs the IAM permission ce:GetSavingsPlansUtilization',
          },
        ],
      }),
    );

    expect(s).toContain('not enabled: turn it on in the Cost Explorer preferences &lt;payer&gt;');
    expect(s).toContain(
      'Savings Plans</td><td colspan="2" class="gap">denied: the caller needs the IAM permission ce:GetSavingsPlansUtilization',
    );
    expect(s).toContain('category-bars');
  });

  it('says a tag is not activated instead of charting 100 % untagged', () => {
    const s = section(
      html({
        allocation: [],
        allocationNotes: [
          {
            tagKey: 'environment',
            kind: 'not-activated',
            message: 'No spend carries the tag "environment" this month: is it activated as a cost allocation tag in the Billing console?',
          },
        ],
      }),
    );

    expect(s).toContain('Allocation by environment');
    expect(s).toContain('is it activated as a cost allocation tag');
    expect(s).not.toContain('allocation-bars');
  });

  it('shows the cost per unit to 4 significant digits against its target, with a daily chart', () => {
    const daily = [
      { date: '2026-03-01', costPerUnit: 0.05 },
      { date: '2026-03-02', costPerUnit: null },
      { date: '2026-03-03', costPerUnit: 0.0552 },
    ];
    const s = section(
      html({ unitCost: { unit: 'lead', units: 31_000, costPerUnit: 0.05231, target: 0.05, previousCostPerUnit: 0.04812, daily } }),
    );

    expect(s).toContain('Cost per lead, March 2026');
    expect(s).toContain('$0.05231');
    expect(s).toContain('$0.04812');
    expect(s).toContain('class="chart line-chart unit-cost-chart"');
    expect(s).toMatch(/<polyline points="0,[\d.]+ 1000,[\d.]+"/);
  });

  it('is left out of a report built without review data, and the CSV stays as it was', () => {
    const page = html();
    const csv = renderCsv(buildReportModel(reportData({ current: new Map([['Amazon EC2', 1]]), review: reviewData() })));

    expect(page).not.toContain('FinOps review');
    expect(csv.split('\r\n')[0]).toBe('month,service,amount,previous,change,change_pct,currency');
  });
});

describe('monthly-report CLI summary', () => {
  it('gives the cost per unit with its currency and category budgets with the report’s percents', () => {
    const unitCost = { unit: 'lead', units: 31_000, costPerUnit: 0.042811, target: 0.05, previousCostPerUnit: 0.03979, daily: [] };
    const model = buildReportModel(
      reportData({ current: new Map([['Amazon EC2', 1550]]), previous: new Map([['Amazon EC2', 1040]]), review: reviewData({ unitCost }) }),
    );
    const extras = {
      objects: [],
      written: false,
      costExplorerRequests: 1,
      costExplorerOperations: {},
      cloudWatchRequests: 0,
      htmlBytes: 0,
      xlsxBytes: 0,
      linkExpiresAt: null,
    };

    const text = summarizeMonthlyReport(toResult(model, extras as unknown as ResultExtras));

    expect(text).toContain('cost per lead: $0.04281 (target $0.05, month before $0.03979)');
    expect(text).toContain('Compute $1,200.00 (120.0% of budget)');
  });
});
