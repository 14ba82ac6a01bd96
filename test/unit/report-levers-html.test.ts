import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel } from '../../shared/report/model.js';
import type { AnyLever, LeverName, SavingsLevers } from '../../shared/review/levers/types.js';
import { leverGaps, leversData } from '../support/levers-data.js';
import { reportData } from '../support/report-data.js';
import { reviewData } from '../support/review-data.js';

const page = (levers: SavingsLevers | undefined, gaps: LeverName[] = []) =>
  renderHtml(
    buildReportModel(
      reportData({
        current: new Map([['Amazon EC2', 1550]]),
        previous: new Map([['Amazon EC2', 1040]]),
        review: reviewData({ ...(levers ? { levers } : {}), gaps: leverGaps(gaps) }),
      }),
    ),
  );
const cut = (html: string, start: string) => html.slice(html.indexOf(start), html.indexOf('</section>', html.indexOf(start)));
const levers = (html: string) => cut(html, '<section class="levers">');
const part = (html: string, title: string) => cut(html, `<h3>${title}`).split('<div class="review-part')[0]!;

describe('Savings levers section of the HTML report', () => {
  it('answers the review questions in order, then Graviton and storage class, under the total counted once', () => {
    const s = levers(page(leversData()));

    const titles = [...s.matchAll(/<h3>([^:<]+):/g)].map((m) => m[1]);
    expect(titles).toEqual(['Right-sizing', 'RI / Savings Plans', 'Spot', 'Data transfer', 'Graviton', 'Storage class']);
    expect(s).toContain('<h2>Savings levers</h2>');
    expect(s).toMatch(/counted once<\/small><span class="v down">\$1,129\.63<\/span>/);
    expect(s).toContain('class="chart bar-chart lever-bars"');
  });

  it('gives each lever its monthly figure, its basis sentence and its items', () => {
    const html = page(leversData());

    const rightsizing = part(html, 'Right-sizing');
    expect(rightsizing).toContain('<strong>$140.16 a month</strong>');
    expect(rightsizing).toContain('Cost Explorer rightsizing recommendations');
    expect(rightsizing).toContain('m5.2xlarge → m5.xlarge');
    const commitments = part(html, 'RI / Savings Plans');
    expect(commitments).toContain('<strong>$587.61 a month</strong>');
    expect(commitments).toContain('Savings Plans</td><td>62.5%</td><td>98.1%</td>');
    expect(commitments).toContain('2 × db.r5.large PostgreSQL Multi-AZ in us-east-1, 1 year, no upfront');
    expect(commitments).toContain('$0.66/hour, saves from the first month</td><td>$178.85</td>');
    expect(part(html, 'Spot')).toContain('$420.50 on demand</td><td>$294.35</td>');
    const transfer = part(html, 'Data transfer');
    expect(transfer).toContain('<strong>Not priced</strong>');
    expect(transfer).toMatch(/Inter-AZ<br><small>grew past the spike thresholds \(critical\)<\/small><\/td><td>\$310\.20<\/td>/);
    expect(transfer).toContain('<td class="up">new spend</td>');
    expect(transfer).toContain('<caption>Top sources</caption>');
    expect(part(html, 'Graviton')).toContain(
      'c5.xlarge → c7g.xlarge ($124.10 → $105.85)</td><td>$18.25<br><small>from Cost Optimization Hub',
    );
    expect(part(html, 'Storage class')).toContain('5.0 TiB in Standard, $117.76 a month</td><td>$26.88</td>');
  });

  it('says where an item is counted when another lever or waste counts it', () => {
    const html = page(leversData());

    expect(part(html, 'Graviton')).toMatch(/i-0aaa<br>.*?\$42\.05<br><small>counted in Right-sizing<\/small>/);
    expect(part(html, 'Right-sizing')).toContain('$60.74<br><small>counted in waste</small>');
  });

  it('escapes names from AWS and config: environments, instance names, usage types', () => {
    const s = levers(page(leversData()));

    expect(s).toContain('dev &lt;b&gt;&amp;&quot;x&quot;');
    expect(s).toContain('api &lt;prod&gt;');
    expect(s).toContain('USE1-DataTransfer-Out-Bytes&lt;&amp;&gt;');
    expect(s).not.toMatch(/<b>|<prod>|Bytes<&>/);
  });

  it('shows the largest items and says how many more are in the workbook', () => {
    const base = leversData();
    const spot = base.levers.find((l) => l.lever === 'spot') as Extract<AnyLever, { lever: 'spot' }>;
    const many = Array.from({ length: 13 }, (_, i) => ({ ...spot.items[0]!, environment: `env-${i}`, resource: `spot:${i}` }));
    const html = page({ ...base, levers: base.levers.map((l) => (l.lever === 'spot' ? { ...spot, items: many } : l)) });

    const s = part(html, 'Spot');
    expect(s.match(/<tr><td class="name">env-/g)).toHaveLength(10);
    expect(s).toContain('…and 3 more items in cost-report.xlsx.');
  });

  it('says a lever AWS would not answer is a gap, with the reason, and keeps the others', () => {
    const html = page(leversData(['spot', 'commitments']), ['spot', 'commitments']);

    const spot = part(html, 'Spot');
    expect(spot).toContain('<p class="note">denied: the caller needs the IAM permission for spot</p>');
    expect(spot).not.toContain('a month</strong>');
    expect(part(html, 'RI / Savings Plans')).toContain('Savings Plans</td><td>62.5%</td>');
    expect(part(html, 'Graviton')).toContain('a month</strong>');
    expect(levers(html)).toContain('AWS would not answer');
  });

  it('answers commitments and rightsizing there only, not again in the FinOps review section', () => {
    const review = cut(page(leversData()), '<section class="review">');
    const without = cut(page(undefined), '<section class="review">');

    expect(review).not.toContain('<h3>Rightsizing</h3>');
    expect(review).not.toContain('<h3>Commitments</h3>');
    expect(review).toContain('see Savings levers below');
    expect(without).toContain('<h3>Rightsizing</h3>');
    expect(page(undefined)).not.toContain('<section class="levers">');
  });
});
