import { countOf, formatChange, formatMoney, formatPercent, formatPoints, formatUnitCost } from '../format.js';
import type { CommitmentFigures, FinOpsReview, ReviewGap } from '../review/types.js';
import { escapeHtml } from './escape.js';
import type { ReportModel } from './model.js';
import { rightsizingSavings } from './overlap.js';
import { allocationBars, categoryBudgetBars, unitCostChart } from './review-svg.js';

/**
 * The "FinOps review" section: categories against budgets, allocation
 * against targets, commitments, rightsizing and the unit cost, each a table
 * with a chart where a person would rather look. A part AWS would not answer
 * says so in place.
 */

const money = (n: number, currency: string) => escapeHtml(formatMoney(n, currency));
const pctText = (n: number | null) => (n === null ? '–' : formatPercent(n));
const block = (title: string, body: string) => `<div class="review-part"><h3>${escapeHtml(title)}</h3>${body}</div>`;
const note = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;
const gapOf = (r: FinOpsReview, part: ReviewGap['part']) => r.gaps.find((g) => g.part === part);

function categories(r: FinOpsReview, m: ReportModel): string {
  const source =
    r.categorySource.kind === 'cost-category'
      ? `AWS Cost Category "${r.categorySource.name}"`
      : r.categorySource.kind === 'config'
        ? 'the mapping in report.categories'
        : 'the default mapping of services';
  const gap = gapOf(r, 'categories');
  if (!r.byCategory.length) return block('Spend by category', (gap ? note(gap.message) : '') + '<p>No spend in either month.</p>');
  const chart = categoryBudgetBars(
    r.byCategory.map((c) => ({ label: c.category, amount: c.amount, budget: c.budget })),
    { label: `Spend by category against budget, ${m.monthLabel}`, currency: m.currency },
  );
  const rows = r.byCategory.map((c) => {
    const over = c.budgetPct !== null && c.budgetPct >= 100 ? ' class="up"' : '';
    return (
      `<tr><td class="name">${escapeHtml(c.category)}</td><td>${money(c.amount, m.currency)}</td>` +
      `<td class="opt">${c.amount === 0 && c.previous === 0 ? '–' : escapeHtml(formatChange(c.changePct))}</td>` +
      `<td>${c.budget === null ? '–' : money(c.budget, m.currency)}</td><td${over}>${pctText(c.budgetPct)}</td></tr>`
    );
  });
  const table =
    `<table><caption>Categories from ${escapeHtml(source)}</caption><thead><tr><th class="name">Category</th>` +
    `<th>${escapeHtml(m.monthLabel)}</th><th class="opt">Change</th><th>Budget</th><th>Used</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
  return block('Spend by category', (gap ? note(gap.message) : '') + chart + table);
}

function allocation(r: FinOpsReview, m: ReportModel): string {
  const keys = [...new Set([...r.allocation.map((a) => a.tagKey), ...r.allocationNotes.map((n) => n.tagKey)])];
  return keys
    .map((key) => {
      const rows = r.allocation.filter((a) => a.tagKey === key);
      const notes = r.allocationNotes
        .filter((n) => n.tagKey === key)
        .map((n) => note(n.message))
        .join('');
      if (!rows.length) return block(`Allocation by ${key}`, notes);
      const chart = allocationBars(
        rows.map((a) => ({ label: a.value, sharePct: a.sharePct, targetPct: a.targetPct })),
        { label: `Share of spend by ${key} against target, ${m.monthLabel}` },
      );
      const body = rows.map((a) => {
        const dev = a.deviationPts === null ? '–' : formatPoints(a.deviationPts);
        return (
          `<tr><td class="name">${escapeHtml(a.value)}</td><td class="opt">${money(a.amount, m.currency)}</td>` +
          `<td>${formatPercent(a.sharePct)}</td><td>${pctText(a.targetPct)}</td><td>${escapeHtml(dev)}</td></tr>`
        );
      });
      const table =
        `<table><caption>Off by: share minus target, in percentage points</caption><thead><tr>` +
        `<th class="name">${escapeHtml(key)}</th><th class="opt">Amount</th><th>Share</th><th>Target</th><th>Off by</th></tr>` +
        `</thead><tbody>${body.join('')}</tbody></table>`;
      return block(`Allocation by ${key}`, notes + chart + table);
    })
    .join('');
}

/** Coverage and utilization of Savings Plans and Reserved Instances (also the levers' commitments answer). */
export function coverageTable(r: FinOpsReview): string {
  const row = (name: string, part: 'savingsPlans' | 'reservations', f: CommitmentFigures) => {
    const gap = gapOf(r, part);
    if (gap) return `<tr><td class="name">${name}</td><td colspan="2" class="gap">${escapeHtml(gap.message)}</td></tr>`;
    if (f.coveragePct === null && f.utilizationPct === null)
      return `<tr><td class="name">${name}</td><td colspan="2">none in this account</td></tr>`;
    return `<tr><td class="name">${name}</td><td>${pctText(f.coveragePct)}</td><td>${pctText(f.utilizationPct)}</td></tr>`;
  };
  const c = r.commitments;
  return (
    `<table><caption>Coverage: share of eligible usage a commitment paid for. Utilization: share of the commitment that was ` +
    `used.</caption><thead><tr><th class="name">Commitment</th><th>Coverage</th><th>Utilization</th></tr></thead>` +
    `<tbody>${row('Savings Plans', 'savingsPlans', c.savingsPlans)}${row('Reserved Instances', 'reservations', c.reservations)}` +
    `</tbody></table>`
  );
}

function rightsizing(r: FinOpsReview, m: ReportModel): string {
  const gap = gapOf(r, 'rightsizing');
  if (gap) return block('Rightsizing', note(gap.message));
  if (!r.rightsizing.length) return block('Rightsizing', '<p>Cost Explorer recommends no EC2 instance changes.</p>');
  const total = rightsizingSavings(r.rightsizing);
  const rows = r.rightsizing.map((x) => {
    const name = x.instanceName ? `<br><small>${escapeHtml(x.instanceName)}</small>` : '';
    const change = x.action === 'terminate' ? `terminate ${x.instanceType}` : `${x.instanceType} → ${x.targetType ?? '?'}`;
    const waste = x.countedInWaste ? '<br><small>counted in waste</small>' : '';
    return (
      `<tr><td class="name">${escapeHtml(x.instanceId)}${name}</td><td class="opt">${escapeHtml(x.account)}</td>` +
      `<td>${escapeHtml(change)}</td><td>${money(x.estimatedMonthlySavings, m.currency)}${waste}</td></tr>`
    );
  });
  return block(
    'Rightsizing',
    `<table><caption>EC2 recommendations from Cost Explorer (last 14 days of use), largest saving first</caption><thead><tr>` +
      `<th class="name">Instance</th><th class="opt">Account</th><th>Change</th><th>Est. per month</th></tr></thead>` +
      `<tbody>${rows.join('')}</tbody><tfoot><tr>` +
      `<th class="name">Estimated savings${r.rightsizing.some((x) => x.countedInWaste) ? ' (not counting waste)' : ''}</th>` +
      `<td class="opt"></td><td></td><th>${money(total, m.currency)}</th></tr></tfoot></table>`,
  );
}

function unitCost(r: FinOpsReview, m: ReportModel): string {
  const gap = gapOf(r, 'unitCost');
  if (gap) return block('Unit cost', note(gap.message));
  const u = r.unitCost;
  if (!u) return '';
  const fmt = (n: number | null) => (n === null ? 'n/a (no units)' : formatUnitCost(n, m.currency));
  const cls = u.costPerUnit !== null && u.costPerUnit > u.target ? 'up' : 'down';
  const kpi =
    `<div class="kpis"><div class="kpi"><small>Cost per ${escapeHtml(u.unit)}, ${escapeHtml(m.monthLabel)}</small>` +
    `<span class="v ${cls}">${escapeHtml(fmt(u.costPerUnit))}</span>` +
    `<small>target ${escapeHtml(formatUnitCost(u.target, m.currency))}</small></div>` +
    `<div class="kpi"><small>${escapeHtml(m.previousLabel)}</small><span class="v">${escapeHtml(fmt(u.previousCostPerUnit))}</span>` +
    `<small>${escapeHtml(countOf(u.units, u.unit))} this month</small></div></div>`;
  const chart = u.daily.length
    ? unitCostChart(u.daily, {
        label: `Daily cost per ${u.unit}, ${m.monthLabel}, against the ${formatUnitCost(u.target, m.currency)} target`,
        target: u.target,
        format: (n) => formatUnitCost(n, m.currency),
      })
    : '';
  return block('Unit cost', kpi + chart);
}

const LEVERS_NOTE = '<p><small>Commitments and right-sizing: see Savings levers below.</small></p>';

/** The whole section; empty without a review (a report built without the review's data). */
export function reviewSection(m: ReportModel): string {
  const r = m.review;
  if (!r) return '';
  // With the savings levers, commitments and rightsizing are answered there, once.
  const moved = new Set<string>(r.levers?.levers.map((l) => l.lever) ?? []);
  return (
    `<section class="review"><h2>FinOps review</h2>` +
    `${categories(r, m)}${allocation(r, m)}${moved.has('commitments') ? '' : block('Commitments', coverageTable(r))}` +
    `${moved.has('rightsizing') ? '' : rightsizing(r, m)}${unitCost(r, m)}${moved.size ? LEVERS_NOTE : ''}</section>`
  );
}
