import { describe, expect, it } from 'vitest';
import { monthlyReportSnsMessage } from '../../shared/messages/monthly-report.js';
import { reportSubject } from '../../shared/report/summary.js';
import { csvField, renderCsv } from '../../shared/report/csv.js';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel, type ReportData } from '../../shared/report/model.js';
import type { ReportLink } from '../../shared/report/link.js';
import { barPairs, budgetBar, lineChart, niceCeiling } from '../../shared/report/svg.js';
import { reportData } from '../support/report-data.js';

const ODD = 'R&D <beta> "quoted", svc';

const data = (over: Partial<ReportData> = {}): ReportData =>
  reportData({
    current: new Map([
      ['Amazon EC2', 1500.5],
      [ODD, 20],
      ['=HYPERLINK("x")', 1],
      ['S3', 40],
      ['EKS', 30],
      ['KMS', 3],
      ['Route 53', 2],
    ]),
    previous: new Map([
      ['Amazon EC2', 1000],
      [ODD, 10],
      ['S3', 50],
      ['KMS', 3],
      ['Route 53', 1],
    ]),
    daily: new Map([
      ['2026-03-01', 50],
      ['2026-03-02', 70],
    ]),
    tags: [
      {
        key: 'team',
        current: new Map([
          ['team$<core>', 100],
          ['team$', 5],
        ]),
        previous: new Map([['team$<core>', 80]]),
      },
    ],
    budgets: [{ name: 'Total & more', limit: 2000, actual: 1596.5, actualPct: 79.8, accountWide: true }],
    ...over,
  });

describe('report HTML', () => {
  it('escapes names from AWS in text and attributes', () => {
    const html = renderHtml(buildReportModel(data()));

    expect(html).toContain('R&amp;D &lt;beta&gt; &quot;quoted&quot;, svc');
    expect(html).not.toContain(ODD);
    expect(html).toContain('&lt;core&gt;');
    expect(html).toContain('Total &amp; more');
  });

  it('is self-contained: inline style and SVG, no script and nothing fetched', () => {
    const html = renderHtml(buildReportModel(data()));

    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });

  it('says so when the month had no spend, and draws no empty charts', () => {
    const html = renderHtml(buildReportModel(data({ current: new Map(), previous: new Map([['S3', 5]]), daily: new Map() })));

    expect(html).toContain('No spend was recorded for March 2026.');
    expect(html).not.toContain('class="chart line-chart');
  });

  it('marks a partial month and estimated figures', () => {
    const html = renderHtml(buildReportModel(data({ month: '2026-04', through: '2026-04-15', partial: true, estimated: true })));

    expect(html).toContain('Partial month: spend through 2026-04-15 only');
    expect(html).toContain('estimated');
  });
});

describe('report CSV', () => {
  it('writes one row per service with a header, CRLF line ends', () => {
    const csv = renderCsv(buildReportModel(data()));
    const rows = csv.split('\r\n');

    expect(rows[0]).toBe('month,service,amount,previous,change,change_pct,currency');
    expect(rows[1]).toBe('2026-03,Amazon EC2,1500.50,1000.00,500.50,50.1,USD');
    expect(rows).toHaveLength(1 + 7 + 1);
    expect(rows.at(-1)).toBe('');
  });

  it('quotes names holding commas or quotes (RFC 4180) and leaves new spend without a percent', () => {
    const csv = renderCsv(buildReportModel(data()));

    expect(csv).toContain('2026-03,"R&D <beta> ""quoted"", svc",20.00,10.00,10.00,100,USD\r\n');
    expect(csv).toContain('2026-03,EKS,30.00,0.00,30.00,,USD\r\n');
  });

  it('keeps a name that looks like a formula as text', () => {
    const csv = renderCsv(buildReportModel(data()));

    expect(csv).toContain(`2026-03,"'=HYPERLINK(""x"")",1.00,`);
  });

  it('leaves plain fields unquoted and quotes line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('report charts', () => {
  it('rounds axis tops up to numbers a person reads', () => {
    expect([niceCeiling(0), niceCeiling(7), niceCeiling(1130), niceCeiling(2000), niceCeiling(0.04)]).toEqual([1, 8, 1200, 2000, 0.04]);
  });

  it('draws a line through every day', () => {
    const svg = lineChart(
      [
        { date: '2026-03-01', amount: 10 },
        { date: '2026-03-02', amount: 20 },
        { date: '2026-03-03', amount: 5 },
      ],
      { label: 'Daily', currency: 'USD' },
    );

    expect(svg).toContain('points="0,50 500,0 1000,75"');
    expect(svg).toContain('>03-01<');
    expect(svg).toContain('>03-03<');
  });

  it('sizes bars against the largest amount', () => {
    const svg = barPairs([{ label: 'A', amount: 100, previous: 50 }], { label: 'Bars', currency: 'USD', legend: ['Mar', 'Feb'] });

    expect(svg).toContain('width="72%"');
    expect(svg).toContain('width="36%"');
  });

  it('turns the budget bar red over the limit and marks the limit', () => {
    const svg = budgetBar(150, 100, { label: 'Budget', currency: 'USD' });

    expect(svg).toContain('#dc2626');
    expect(svg).toContain('x1="66.67%"');
    expect(svg).toContain('150.0%');
  });
});

describe('finance email', () => {
  const context = (over: Partial<ReportData> = {}) => ({
    model: buildReportModel(data(over)),
    link: { url: 'https://example.com/report?X-Amz-Expires=604800', expiresAt: '2026-04-10T09:00:00.000Z' } as ReportLink | null,
    location: 's3://bucket/reports/2026-03/',
  });

  it('names the month in a short subject', () => {
    const subject = reportSubject(context().model);

    expect(subject).toBe('AWS cost report March 2026: $1,596.50 (+50.0% vs February)');
    expect(subject.length).toBeLessThan(100);
  });

  it('gives the total, both comparisons, the top five services and the link', () => {
    const { body, attributes } = monthlyReportSnsMessage(context());

    expect(body).toContain('Total: $1,596.50');
    expect(body).toContain('vs February 2026: $1,064.00 (+50.0%, +$532.50)');
    expect(body).toContain('vs budget: 79.8% of the $2,000.00 budget "Total & more", $403.50 left');
    expect(body.match(/^\d\. /gm)).toHaveLength(5);
    expect(body).toContain('3. EKS: $30.00 (new spend)\n');
    expect(body).toContain('https://example.com/report?X-Amz-Expires=604800');
    expect(body).toContain('this link works until 2026-04-10 09:00 UTC');
    expect(body).toMatch(
      /S3 console \(AWS sign-in required; this link does not expire\): https:\/\/s3\.console\.aws\.amazon\.com\/s3\/buckets\/bucket\?prefix=reports%2F2026-03%2F$/m,
    );
    expect(attributes).toEqual({ job: 'monthly-report', severity: 'info' });
  });

  it('carries no pre-signed link when none can promise a time, only the S3 folder', () => {
    const { body } = monthlyReportSnsMessage({ ...context(), link: null });

    expect(body).not.toMatch(/X-Amz-|link works until/);
    expect(body).toContain('are in S3: s3://bucket/reports/2026-03/');
    expect(body).toContain('https://s3.console.aws.amazon.com/s3/buckets/bucket?prefix=reports%2F2026-03%2F');
  });

  it('prints other currencies by code in the ASCII-only subject', () => {
    expect(reportSubject(buildReportModel(data({ currency: 'EUR' })))).toContain('1596.50 EUR');
  });

  it('says there was no spend instead of listing services', () => {
    const { subject, body } = monthlyReportSnsMessage(context({ current: new Map(), previous: new Map(), daily: new Map() }));

    expect(subject).toBe('AWS cost report March 2026: no spend');
    expect(body).toContain('No spend was recorded for March 2026.');
    expect(body).not.toContain('Top ');
  });
});
