import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { ERROR_CODES } from '../../shared/errors.js';
import {
  buildFinanceEmail,
  renderEmailHtml,
  renderEmailText,
  type CategoryRow,
  type FinanceEmailContent,
} from '../../shared/report/email/index.js';
import { reviewLines } from '../../shared/report/email/review.js';
import { NO_COMMITMENTS, type FinOpsReview } from '../../shared/review/types.js';
import { LINK_SECONDS, linkLifetime } from '../../shared/report/link.js';
import { buildReportModel, type ReportData } from '../../shared/report/model.js';
import { parseMime } from '../support/mime.js';
import { reportData } from '../support/report-data.js';

const ODD = 'R&D <beta> "quoted", \'svc\'=1';
const ESCAPED = 'R&amp;D &lt;beta&gt; &quot;quoted&quot;, &#39;svc&#39;=1';

const data = (over: Partial<ReportData> = {}): ReportData =>
  reportData({
    current: new Map([
      ['Amazon Elastic Compute Cloud - Compute', 1000],
      [ODD, 250],
      ...Array.from({ length: 14 }, (_, i) => [`Service ${String(i).padStart(2, '0')}`, 20 - i] as [string, number]),
    ]),
    previous: new Map([
      ['Amazon Elastic Compute Cloud - Compute', 800],
      [ODD, 300],
    ]),
    budgets: [{ name: 'Total & <more>', limit: 2000, actual: 1500, actualPct: 75, accountWide: true }],
    ...over,
  });

const categories: CategoryRow[] = [
  { category: 'Compute', amount: 1000, previous: 800, changePct: 25, budget: 900, budgetPct: 111.1 },
  { category: `Data ${ODD}`, amount: 250, previous: 300, changePct: -16.7, budget: null, budgetPct: null },
];

const content = (over: Partial<FinanceEmailContent> = {}): FinanceEmailContent => ({
  model: buildReportModel(data()),
  categories,
  attachments: [
    { filename: 'cost-report.html', contentType: 'text/html; charset=utf-8', content: '<!doctype html><p>report</p>' },
    { filename: 'cost-report.csv', contentType: 'text/csv; charset=utf-8', content: 'service,amount\r\nEC2,1000\r\n' },
    {
      filename: 'cost-report.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]),
    },
  ],
  location: 's3://reports/reports/2026-03/',
  ...over,
});

describe('finance email HTML body', () => {
  const html = renderEmailHtml(content());

  it('uses tables and inline styles only: no script, SVG, style block or external resource', () => {
    expect(html).not.toMatch(/<script|<svg|<style|<link|<img|<iframe|javascript:|\son[a-z]+=/i);
    expect(html).toContain('<table');
    expect(html).toMatch(/<td[^>]+style="[^"]*background:#2563eb/);
  });

  it('escapes <, &, quotes in service, category and budget names', () => {
    expect(html).not.toContain(ODD);
    expect(html).not.toContain('<beta>');
    expect(html).toContain(`>${ESCAPED}<`);
    expect(html).toContain(`>Data ${ESCAPED}<`);
    expect(html).toContain('Total &amp; &lt;more&gt;');
  });

  it('has the summary, the top 10 services, the categories with budget use and the budget', () => {
    expect(html).toContain('AWS cost report: March 2026');
    expect(html).toContain('$1,439.00');
    expect(html).toContain('Top 10 services');
    expect(html).toContain('6 more services in the attached report.');
    expect(html).toContain('By category');
    expect(html).toContain('111.1% used');
    expect(html).toMatch(/<td width="100%" style="width:100%;background:#dc2626/);
    expect(html).toContain('no budget');
    expect(html).toContain('75%');
  });

  it('lists the attachments and the S3 console folder, and promises no expiring link', () => {
    expect(html).toContain('Attached: cost-report.html, cost-report.csv, cost-report.xlsx.');
    expect(html).toContain('href="https://s3.console.aws.amazon.com/s3/buckets/reports?prefix=reports%2F2026-03%2F"');
    expect(html).not.toMatch(/X-Amz-|expires|valid until/i);
  });

  it('leaves categories out when the report has none, and says when there was no spend', () => {
    const empty = renderEmailHtml(content({ model: buildReportModel(data({ current: new Map(), previous: new Map() })), categories: [] }));

    expect(empty).not.toContain('By category');
    expect(empty).toContain('No spend was recorded for March 2026.');
    expect(empty).not.toContain('Top ');
  });
});

describe('finance email FinOps review lines', () => {
  const review = (over: Partial<FinOpsReview> = {}): FinOpsReview => ({
    categorySource: { kind: 'default' },
    byCategory: [],
    allocation: [],
    allocationNotes: [],
    commitments: { savingsPlans: { coveragePct: 72.5, utilizationPct: 98 }, reservations: NO_COMMITMENTS.reservations },
    rightsizing: [
      {
        account: '123456789012',
        instanceId: 'i-1',
        instanceType: 'm5.2xlarge',
        action: 'modify',
        targetType: 'm5.large',
        estimatedMonthlySavings: 210.5,
      },
      {
        account: '123456789012',
        instanceId: 'i-2',
        instanceType: 'm5.large',
        action: 'terminate',
        targetType: null,
        estimatedMonthlySavings: 70,
      },
    ],
    gaps: [],
    ...over,
  });

  it('gives unit cost against its target unrounded, commitments and the rightsizing saving', () => {
    const lines = reviewLines(
      review({ unitCost: { unit: 'lead', units: 1000, costPerUnit: 0.05312, target: 0.05, previousCostPerUnit: 0.0471, daily: [] } }),
      'USD',
    );

    expect(lines).toEqual([
      ['Cost per lead', '$0.05312 (above target), target $0.05; $0.0471 the month before'],
      ['Savings Plans', '72.5% coverage, 98.0% utilization'],
      ['Reservations', 'none this month'],
      ['Rightsizing', '2 recommendations, about $280.50 a month'],
    ]);
  });

  it('says what AWS would not answer instead of showing an empty figure', () => {
    const lines = reviewLines(
      review({
        rightsizing: [],
        gaps: [
          {
            part: 'rightsizing',
            operation: 'GetRightsizingRecommendation',
            message: 'rightsizing recommendations are not enabled <opt in>',
          },
        ],
      }),
      'USD',
    );

    expect(lines).toContainEqual(['Rightsizing', 'rightsizing recommendations are not enabled <opt in>']);
    expect(lines.filter(([label]) => label === 'Rightsizing')).toHaveLength(1);
    const html = renderEmailHtml(
      content({
        model: buildReportModel(
          data({ review: review({ gaps: [{ part: 'rightsizing', operation: 'x', message: 'not enabled <opt in>' }] }) }),
        ),
      }),
    );
    expect(html).toContain('FinOps review');
    expect(html).toContain('not enabled &lt;opt in&gt;');
  });

  it('is empty without a review', () => {
    expect(reviewLines(undefined, 'USD')).toEqual([]);
  });
});

describe('finance email text part', () => {
  it('carries the same facts in plain text, names unescaped', () => {
    const text = renderEmailText(content());

    expect(text).toContain('Total: $1,439.00');
    expect(text).toContain(`2. ${ODD}: $250.00`);
    expect(text.match(/^\d+\. /gm)).toHaveLength(10);
    expect(text).toContain('- Compute: $1,000.00 (+25.0%), 111.1% of the $900.00 budget');
    expect(text).toContain('Attached: cost-report.html, cost-report.csv, cost-report.xlsx.');
    expect(text).not.toContain('&amp;');
  });
});

describe('finance email MIME', () => {
  it('is multipart/mixed with a text and HTML alternative and the three report files attached', async () => {
    const email = await buildFinanceEmail({
      ...content(),
      from: 'costs@example.com',
      to: ['finance@example.com', 'cfo@example.com'],
      date: new Date('2026-04-03T09:00:00Z'),
    });
    const mime = parseMime(email.raw);

    expect(mime.headers).toMatchObject({
      From: 'costs@example.com',
      To: 'finance@example.com, cfo@example.com',
      Subject: 'AWS cost report March 2026: $1,439.00 (+30.8% vs February)',
    });
    expect(mime.structure.slice(0, 4)).toEqual(['multipart/mixed', 'multipart/alternative', 'text/plain', 'text/html']);
    const [text, html, ...files] = mime.parts;
    expect(text?.content).toBe(renderEmailText(content()));
    expect(html?.content).toBe(renderEmailHtml(content()));
    expect(files.map((f) => [f.filename, f.contentType, f.disposition])).toEqual([
      ['cost-report.html', 'text/html', 'attachment'],
      ['cost-report.csv', 'text/csv', 'attachment'],
      ['cost-report.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'attachment'],
    ]);
    expect(files[1]?.content).toBe('service,amount\r\nEC2,1000\r\n');
    expect(Buffer.from(files[2]!.content, 'base64')).toEqual(Buffer.from([0x50, 0x4b, 3, 4, 0, 255]));
    expect(email.attachments).toEqual(['cost-report.html', 'cost-report.csv', 'cost-report.xlsx']);
  });

  it('keeps a name that looks like a header out of the headers, and non-ASCII names intact in both parts', async () => {
    const model = buildReportModel(
      data({
        current: new Map([
          ['Evil\r\nBcc: x@evil.example', 10],
          ['Données € für Zürich', 5],
        ]),
      }),
    );
    const email = await buildFinanceEmail({
      ...content({ model }),
      from: 'costs@example.com',
      to: ['finance@example.com'],
      date: new Date('2026-04-03T09:00:00Z'),
    });
    const mime = parseMime(email.raw);

    expect(Object.keys(mime.headers).map((h) => h.toLowerCase())).not.toContain('bcc');
    expect(mime.parts[0]?.content).toContain('Données € für Zürich');
    expect(mime.parts[1]?.content).toContain('Données € für Zürich');
  });
});

describe('pre-signed link lifetime', () => {
  const now = new Date('2026-04-03T09:00:00Z');
  const inHours = (h: number) => new Date(now.getTime() + h * 3600_000);

  it('is 7 days for long-term keys', () => {
    expect(linkLifetime({}, now)).toBe(LINK_SECONDS);
  });

  it('ends when temporary credentials expire, capped at 7 days', () => {
    expect(linkLifetime({ sessionToken: 't', expiration: inHours(6) }, now)).toBe(6 * 3600);
    expect(linkLifetime({ sessionToken: 't', expiration: inHours(24 * 30) }, now)).toBe(LINK_SECONDS);
  });

  it('is null for temporary credentials of unknown lifetime (Lambda) or under an hour left', () => {
    expect(linkLifetime({ sessionToken: 't' }, now)).toBeNull();
    expect(linkLifetime({ sessionToken: 't', expiration: inHours(0.5) }, now)).toBeNull();
  });
});

describe('report.email config', () => {
  const messageOf = (email: unknown) => {
    try {
      parseConfig({ report: { email } });
    } catch (err) {
      expect(err).toMatchObject({ code: ERROR_CODES.config });
      return (err as Error).message;
    }
    throw new Error('expected the config to be rejected');
  };

  it('accepts from, to and region, and leaves the region to the job by default', () => {
    expect(parseConfig({ report: { email: { from: 'costs@example.com', to: ['finance@example.com'] } } }).report.email).toEqual({
      from: 'costs@example.com',
      to: ['finance@example.com'],
    });
    expect(
      parseConfig({ report: { email: { from: 'costs@example.com', to: ['f@example.com'], region: 'eu-west-1' } } }).report.email?.region,
    ).toBe('eu-west-1');
    expect(parseConfig({}).report.email).toBeUndefined();
  });

  it('names the key path of each mistake', () => {
    expect(messageOf({ to: ['f@example.com'] })).toMatch(/report\.email\.from: expected the sender email address/);
    expect(messageOf({ from: 'not-an-address', to: ['f@example.com'] })).toMatch(/report\.email\.from: expected the sender email address/);
    expect(messageOf({ from: 'c@example.com', to: [] })).toMatch(/report\.email\.to: expected at least one recipient/);
    expect(messageOf({ from: 'c@example.com', to: ['ok@example.com', 'bad'] })).toMatch(
      /report\.email\.to\[1\]: expected a recipient email address/,
    );
    expect(messageOf({ from: 'c@example.com', to: 'f@example.com' })).toMatch(
      /report\.email\.to: expected an array of recipient email addresses/,
    );
    expect(messageOf({ from: 'c@example.com', to: Array.from({ length: 51 }, (_, i) => `u${i}@example.com`) })).toMatch(
      /report\.email\.to: expected at most 50 recipients/,
    );
    expect(messageOf({ from: 'c@example.com', to: ['f@example.com'], region: 'Europe' })).toMatch(
      /report\.email\.region: expected an AWS region name/,
    );
    expect(messageOf({ from: 'c@example.com', to: ['f@example.com'], cc: [] })).toMatch(/report\.email\.cc: unknown key/);
  });
});
