import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmailHtml, type FinanceEmailContent } from '../../shared/report/email/index.js';
import { buildReportModel } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';
import { leverGaps, leversData } from '../support/levers-data.js';
import { reviewData } from '../support/review-data.js';

/*
 * The finance email opened on a phone: Debian's chromium (playwright-core)
 * at 360 and 390 px, the widths of most phones. Nothing may scroll sideways
 * and every column of every table must be on screen.
 */
const CHROMIUM = '/usr/bin/chromium';

interface El {
  getBoundingClientRect(): { left: number; right: number; width: number };
  readonly textContent: string | null;
}
// These functions run inside Chromium; the project compiles without the DOM lib, so declare the little they touch.
declare const document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<El> & Iterable<El> };

const SERVICES: Array<[string, number, number]> = [
  ['Amazon Elastic Compute Cloud - Compute', 1_234_567.89, 987_654.32],
  ['Amazon Relational Database Service', 456_789.01, 512_345.67],
  ['Amazon Simple Storage Service', 123_456.78, 98_765.43],
  ['AmazonCloudWatch', 45_678.9, 40_000],
  ['Amazon Elastic Container Service for Kubernetes', 34_567.89, 30_123.45],
  ['AWS Key Management Service', 12_345.67, 0],
  ['Amazon OpenSearch Service', 9_876.54, 12_000],
  ['EC2 - Other', 8_765.43, 8_000],
  ['Amazon Virtual Private Cloud', 7_654.32, 7_000],
  ['Amazon-Extremely-Long-Service-Name-Without-Any-Break-XXXXXXXXXXXXXXXX', 6_543.21, 6_000],
  ['AWS Support (Business)', 5_432.1, 5_000],
];

function content(): FinanceEmailContent {
  const model = buildReportModel(
    reportData({
      current: new Map(SERVICES.map(([name, amount]) => [name, amount])),
      previous: new Map(SERVICES.map(([name, , previous]) => [name, previous])),
      budgets: [
        { name: 'Monthly AWS total for the whole organization', limit: 2_500_000, actual: 1_950_000, actualPct: 78, accountWide: true },
        { name: 'Data team', limit: 90_000, actual: null, actualPct: null, accountWide: false },
      ],
      // Every lever, Spot a gap with a long reason: the levers' lines are the widest text of the email.
      review: reviewData({ levers: leversData(['spot']), gaps: leverGaps(['spot']) }),
    }),
  );
  return {
    model,
    categories: [
      {
        category: 'Compute and containers',
        amount: 1_269_135.78,
        previous: 1_017_777.77,
        changePct: 24.7,
        budget: 1_000_000,
        budgetPct: 126.9,
      },
      { category: 'Databases', amount: 456_789.01, previous: 512_345.67, changePct: -10.8, budget: 600_000, budgetPct: 76.1 },
      { category: 'Everything else', amount: 100_000, previous: 0, changePct: null, budget: null, budgetPct: null },
    ],
    attachments: [
      { filename: 'cost-report.html', contentType: 'text/html', content: '' },
      { filename: 'cost-report.csv', contentType: 'text/csv', content: '' },
      { filename: 'cost-report.xlsx', contentType: 'application/octet-stream', content: '' },
    ],
    location: 's3://cost-watch-reports-123456789012-eu-west-1/reports/2026-03/',
  };
}

interface Layout {
  readonly scrollWidth: number;
  /** The width of the email's card (its 640 px table). */
  readonly card: number;
  /** Every header and data cell: its text and how far its right edge is from the left of the page. */
  readonly cells: Array<{ text: string; left: number; right: number; width: number }>;
}

async function layoutAt(page: Page, width: number): Promise<Layout> {
  await page.setViewportSize({ width, height: 800 });
  await page.setContent(renderEmailHtml(content()));
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    card: [...document.querySelectorAll('table[width="640"]')].map((t) => t.getBoundingClientRect().width)[0] ?? 0,
    cells: [...document.querySelectorAll('th, td')]
      .filter((c) => (c.textContent ?? '').trim() !== '')
      .map((c) => {
        const box = c.getBoundingClientRect();
        return { text: (c.textContent ?? '').trim().slice(0, 40), left: box.left, right: box.right, width: box.width };
      }),
  }));
}

describe('finance email in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the email layout check`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([360, 390])('fits a %i px phone without sideways scrolling, every column on screen', async (width) => {
    const layout = await layoutAt(page, width);

    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    const offScreen = layout.cells.filter((c) => c.right > width || c.left < 0 || c.width <= 0);
    expect(offScreen).toEqual([]);

    for (const header of ['Service', 'Change', 'Category', 'Spend', 'Budget', 'Right-sizing', 'RI / Savings Plans', 'Counted once'])
      expect(layout.cells.some((c) => c.text === header && c.right <= width)).toBe(true);
  });

  it('keeps the 640 px card on a desktop screen', async () => {
    const layout = await layoutAt(page, 1200);

    expect(layout.card).toBe(640);
  });
});
