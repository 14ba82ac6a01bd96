import { describe, expect, it } from 'vitest';
import { renderEmailHtml, renderEmailText, type FinanceEmailContent } from '../../shared/report/email/index.js';
import { leverLines } from '../../shared/report/email/levers.js';
import { reviewLines } from '../../shared/report/email/review.js';
import { buildReportModel } from '../../shared/report/model.js';
import type { AnyLever, LeverName, SavingsLevers } from '../../shared/review/levers/types.js';
import { leverGaps, leversData } from '../support/levers-data.js';
import { reportData } from '../support/report-data.js';
import { reviewData } from '../support/review-data.js';

const review = (gaps: LeverName[] = [], levers: SavingsLevers = leversData(gaps)) => reviewData({ levers, gaps: leverGaps(gaps) });
const content = (r = review()): FinanceEmailContent => ({
  model: buildReportModel(reportData({ current: new Map([['Amazon EC2', 1550]]), review: r })),
  categories: [],
  attachments: [{ filename: 'cost-report.xlsx', contentType: 'application/octet-stream', content: '' }],
  location: 's3://reports/2026-03/',
});

describe('finance email savings levers', () => {
  it('answers the four review questions in order with numbers, then Graviton, storage class and the total counted once', () => {
    const lines = leverLines(review(), 'USD');

    expect(lines.map(([label]) => label)).toEqual([
      'Right-sizing',
      'RI / Savings Plans',
      'Spot',
      'Data transfer',
      'Graviton',
      'Storage class',
      'Counted once',
    ]);
    const value = Object.fromEntries(lines);
    expect(value['Right-sizing']).toBe('about $140.16 a month from 1 instance (1 more counted in waste)');
    expect(value['RI / Savings Plans']).toBe(
      'Savings Plans coverage 62.5%; buy 3 commitments, about $587.61 a month; ' +
        'largest: Compute Savings Plan at $1.25/hour, 1 year, no upfront ($312.40)',
    );
    expect(value['Spot']).toBe('$508.50 on demand in staging, dev <b>&"x"; about $355.95 a month on Spot at the assumed discount');
    expect(value['Data transfer']).toBe(
      '$509.00 this month (+103.3%); grew past the thresholds: Inter-AZ $310.20 (+157.6%), NAT gateway processing $61.30 (new spend)',
    );
    expect(value['Graviton']).toBe('about $19.03 a month from 2 instances (1 more counted in Right-sizing)');
    expect(value['Storage class']).toBe('about $26.88 a month from 1 bucket, 5.0 TiB in Standard without a lifecycle rule');
    expect(value['Counted once']).toBe('about $1,129.63 a month in all, each resource once');
  });

  it('says a lever AWS would not answer is a gap, with its reason, once', () => {
    const r = review(['spot', 'rightsizing']);

    const lines = leverLines(r, 'USD');
    expect(lines).toContainEqual(['Spot', 'AWS would not answer: denied: the caller needs the IAM permission for spot']);
    expect(lines).toContainEqual(['Right-sizing', 'AWS would not answer: denied: the caller needs the IAM permission for rightsizing']);
    expect(reviewLines(r, 'USD').map(([label]) => label)).toEqual(['Savings Plans', 'Reservations']);
  });

  it('puts a Savings levers block in the HTML body, names escaped, tables only', () => {
    const html = renderEmailHtml(content());

    expect(html).toContain('Savings levers</h2>');
    expect(html.indexOf('FinOps review</h2>')).toBeLessThan(html.indexOf('Savings levers</h2>'));
    expect(html).toContain('dev &lt;b&gt;&amp;&quot;x&quot;');
    expect(html).not.toContain('<b>&');
    expect(html).not.toMatch(/<svg|<script|<style/);
  });

  it('carries the same lines in the text part, unescaped', () => {
    const text = renderEmailText(content());

    expect(text).toContain('Savings levers:\n- Right-sizing: about $140.16 a month');
    expect(text).toContain('- Counted once: about $1,129.63 a month in all, each resource once');
    expect(text).toContain('dev <b>&"x"');
  });

  it('stays a few lines however many items the levers have: the items are in the attachments', () => {
    const base = leversData();
    const spot = base.levers.find((l) => l.lever === 'spot') as Extract<AnyLever, { lever: 'spot' }>;
    const items = Array.from({ length: 2000 }, (_, i) => ({ ...spot.items[0]!, environment: `env-${i}`, resource: `spot:${i}` }));
    const many = { ...base, levers: base.levers.map((l) => (l.lever === 'spot' ? { ...spot, items } : l)) };

    const small = renderEmailHtml(content()).length;
    const large = renderEmailHtml(content(review([], many))).length;

    expect(large - small).toBeLessThan(200);
    expect(renderEmailText(content(review([], many)))).toContain('env-0, env-1, env-2 and 1997 more');
  });

  it('has no block without levers', () => {
    expect(leverLines(reviewData(), 'USD')).toEqual([]);
    expect(renderEmailHtml(content(reviewData()))).not.toContain('Savings levers');
  });
});
