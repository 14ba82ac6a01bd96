import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel, type ReportData } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';
import { leverGaps, leversData } from '../support/levers-data.js';
import { reviewData } from '../support/review-data.js';

/*
 * A person's check, automated: the report opened in a real browser (Debian's
 * chromium, driven by playwright-core) lays out its charts and tables, and a
 * phone-width screen never scrolls sideways.
 */
const CHROMIUM = '/usr/bin/chromium';

interface El {
  getBoundingClientRect(): { width: number; height: number; right: number };
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}
// These functions run inside Chromium; the project compiles without the DOM lib, so declare the little they touch.
declare const document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<El> & Iterable<El> };
const MONTH = '2026-03';

function demoData(extra: Array<[string, number]> = []): ReportData {
  const current = new Map<string, number>();
  const previous = new Map<string, number>();
  const daily = new Map<string, number>();
  const team = { current: new Map<string, number>(), previous: new Map<string, number>() };
  for (const r of monthlyReportDataset(MONTH)) {
    const inMonth = r.date.startsWith(MONTH);
    const byService = inMonth ? current : previous;
    byService.set(r.service, (byService.get(r.service) ?? 0) + r.amount);
    const byTeam = inMonth ? team.current : team.previous;
    const key = `team$${r.tags?.team ?? ''}`;
    byTeam.set(key, (byTeam.get(key) ?? 0) + r.amount);
    if (inMonth) daily.set(r.date, (daily.get(r.date) ?? 0) + r.amount);
  }
  for (const [name, amount] of extra) current.set(name, amount);
  return reportData({
    month: MONTH,
    current,
    previous,
    daily,
    tags: [{ key: 'team', ...team }],
    budgets: [
      { name: 'Monthly AWS total', limit: 30_000, actual: 27_000, actualPct: 90, accountWide: true },
      { name: 'Data team', limit: 9_000, actual: null, actualPct: null, accountWide: false },
    ],
    waste: {
      asOf: '2026-03-26',
      key: 'findings/idle-resources/2026-03-26.json',
      estimatedMonthlySavings: 140.16,
      items: [
        {
          kind: 'idle instance',
          id: 'i-0a1b2c3d4e5f60718',
          region: 'us-east-1',
          detail: 'm5.xlarge, avg CPU 1.4%',
          estimatedMonthlyCost: 140.16,
        },
      ],
    },
    review: reviewData({
      unitCost: {
        unit: 'lead',
        units: 31_000,
        costPerUnit: 0.05231,
        target: 0.05,
        previousCostPerUnit: 0.04812,
        daily: [...daily.keys()].map((date, i) => ({ date, costPerUnit: 0.045 + (i % 7) * 0.002 })),
      },
      levers: leversData(['storage-class']),
      gaps: [
        ...leverGaps(['storage-class']),
        {
          part: 'reservations',
          operation: 'GetReservationUtilization',
          message: 'denied: the caller needs the IAM permission ce:GetReservationUtilization. AWS said: AccessDeniedException',
        },
      ],
    }),
  });
}

interface Layout {
  scrollWidth: number;
  charts: Array<{ cls: string; width: number; height: number; shapes: number }>;
  tables: Array<{ width: number; rows: number; right: number }>;
}

async function layoutAt(page: Page, html: string, width: number): Promise<Layout> {
  await page.setViewportSize({ width, height: 900 });
  await page.setContent(html);
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('svg.chart')].map((svg) => {
      const box = svg.getBoundingClientRect();
      return {
        cls: svg.getAttribute('class') ?? '',
        width: box.width,
        height: box.height,
        shapes: svg.querySelectorAll('rect, polyline, line').length,
      };
    }),
    tables: [...document.querySelectorAll('table')].map((t) => {
      const box = t.getBoundingClientRect();
      return { width: box.width, rows: t.querySelectorAll('tbody tr').length, right: box.right };
    }),
  }));
}

describe('monthly report in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the report layout check`);
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

  it('lays out the daily line, the service bars, the budget bar and the review charts as non-empty charts', async () => {
    const html = renderHtml(buildReportModel(demoData()));

    const layout = await layoutAt(page, html, 1000);

    expect(layout.charts.map((c) => c.cls.replace('chart ', ''))).toEqual([
      'line-chart',
      'bar-chart',
      'budget-bar',
      'bar-chart category-bars',
      'bar-chart allocation-bars',
      'line-chart unit-cost-chart',
      'bar-chart lever-bars',
    ]);
    for (const chart of layout.charts) {
      expect(chart.width).toBeGreaterThan(0);
      expect(chart.height).toBeGreaterThan(0);
      expect(chart.shapes).toBeGreaterThan(2);
    }
  });

  it('lays out the review, the savings levers, movers, tag, waste and service tables with rows', async () => {
    const html = renderHtml(buildReportModel(demoData()));

    const layout = await layoutAt(page, html, 1000);

    // Review: categories, allocation. Levers: rightsizing, coverage, purchases, spot, transfer kinds and sources, graviton.
    expect(layout.tables).toHaveLength(14);
    for (const table of layout.tables) {
      expect(table.width).toBeGreaterThan(0);
      expect(table.rows).toBeGreaterThan(0);
    }
  });

  it('fits a 390 px phone screen without sideways scrolling', async () => {
    const html = renderHtml(buildReportModel(demoData()));

    const layout = await layoutAt(page, html, 390);

    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(Math.max(...layout.tables.map((t) => t.right))).toBeLessThanOrEqual(390);
    expect(layout.charts.every((c) => c.width > 300)).toBe(true);
  });

  it('keeps every label and figure of the review charts inside the chart on a 390 px phone', async () => {
    const html = renderHtml(buildReportModel(demoData()));
    await page.setViewportSize({ width: 390, height: 900 });
    await page.setContent(html);

    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('section.review svg.chart, section.levers svg.chart')].flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().right - box.right).filter((d) => d > 1);
      }),
    );
    const sections = await page.evaluate(() => [...document.querySelectorAll('section.review h3, section.levers h3')].length);

    // Review: categories, allocation, unit cost (commitments and rightsizing are levers); six levers.
    expect(sections).toBe(9);
    expect(overflow).toEqual([]);
  });

  it('keeps the savings levers readable on a 390 px phone: every cell on screen, nothing spilling, names wide enough', async () => {
    const html = renderHtml(buildReportModel(demoData()));
    await page.setViewportSize({ width: 390, height: 900 });
    await page.setContent(html);

    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('section.levers td, section.levers th')].map((c) => {
        const box = c.getBoundingClientRect();
        const name = (c.getAttribute('class') ?? '').includes('name');
        return { name, width: box.width, right: box.right, spill: c.scrollWidth - c.clientWidth };
      }),
    );
    const notes = await page.evaluate(() => [...document.querySelectorAll('section.levers p.note')].length);

    const shown = cells.filter((c) => c.width > 0); // the Account column is hidden on phones
    expect(shown.length).toBeGreaterThan(40);
    expect(shown.filter((c) => c.right > 390 || c.spill > 1)).toEqual([]);
    expect(Math.min(...shown.filter((c) => c.name).map((c) => c.width))).toBeGreaterThan(100);
    expect(Math.min(...shown.filter((c) => !c.name).map((c) => c.width))).toBeGreaterThanOrEqual(60);
    expect(notes).toBe(1); // storage class: AWS would not answer
  });

  it('still fits 390 px with 150 services and very long names', async () => {
    const long: Array<[string, number]> = Array.from({ length: 150 }, (_, i) => [
      `Amazon Extremely-Long-Service-Name-Without-Any-Break-${i}-${'X'.repeat(40)}`,
      10 + i,
    ]);
    const html = renderHtml(buildReportModel(demoData(long)));

    const layout = await layoutAt(page, html, 390);

    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.tables.at(-1)?.rows).toBeGreaterThan(150);
  });

  it('prints on A4 without cutting the width', async () => {
    const html = renderHtml(buildReportModel(demoData()));
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.setContent(html);
    await page.emulateMedia({ media: 'print' });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.emulateMedia({ media: 'screen' });

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(scrollWidth).toBeLessThanOrEqual(794);
  });
});
