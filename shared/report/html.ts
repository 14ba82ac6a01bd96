import { countOf, formatChange, formatMoney, formatPercent, formatSignedMoney } from '../format.js';
import { escapeHtml } from './escape.js';
import { budgetScope, NO_BUDGET_HISTORY } from './budgets.js';
import type { ReportModel } from './model.js';
import { containersSection } from './containers-html.js';
import { leversSection } from './levers-html.js';
import { reviewSection } from './review-html.js';
import { barPairs, budgetBar, lineChart } from './svg.js';
import { lineTable, wasteRulesTable, wasteTable } from './tables.js';

/**
 * The finance report as one self-contained HTML file: inline CSS, inline SVG,
 * no script and nothing fetched, so it opens from an email link, a laptop
 * folder or a print queue alike. Every name from AWS goes through escapeHtml.
 */

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#0f172a;background:#f1f5f9}
main{max-width:980px;margin:0 auto;padding:16px}
h1{font-size:1.55rem;margin:0}
h2{font-size:1.05rem;margin:0 0 8px}
h3{font-size:.95rem;margin:14px 0 6px}
.review-part{break-inside:avoid}.review-part+.review-part{border-top:1px solid #e2e8f0;margin-top:10px}
.review-part .name{width:32%}
.lever-figure{font-size:1.1rem;margin:4px 0}
.gap{text-align:left;color:#92400e;overflow-wrap:anywhere}
.sub,.note,small,caption,footer{color:#475569}
small{font-size:.78rem}
.note{background:#fef9c3;border-radius:6px;padding:6px 10px;margin:8px 0}
section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 14px;margin:12px 0;break-inside:avoid}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 14px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:12px 0}
.kpi{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 12px}
.kpi .v{display:block;font-size:1.4rem;font-weight:650;font-variant-numeric:tabular-nums}
.empty{font-size:1.1rem;font-weight:600}
.chart{display:block;overflow:hidden}
.budget{margin:6px 0 12px}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.9rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-size:.85rem;padding:0 0 4px}
th,td{padding:6px 4px;border-bottom:1px solid #e2e8f0;text-align:right;vertical-align:top}
th{font-weight:600}
thead th{font-size:.8rem;color:#475569}
.name{text-align:left;width:42%;overflow-wrap:anywhere}
tfoot th,tfoot td{border-bottom:0;border-top:2px solid #cbd5e1}
.up{color:#b91c1c}.down{color:#15803d}
footer{font-size:.8rem;margin:16px 0}
@media (max-width:520px){main{padding:8px}body{font-size:14px}.opt{display:none}.name{width:48%}section{padding:10px}}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}section,.kpi{border-color:#cbd5e1}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:12mm}h2{break-after:avoid}tr{break-inside:avoid}}
`;

const money = (n: number, currency: string) => escapeHtml(formatMoney(n, currency));
const section = (title: string, body: string, cls = '') =>
  `<section${cls ? ` class="${cls}"` : ''}><h2>${escapeHtml(title)}</h2>${body}</section>`;

function kpis(m: ReportModel): string {
  const t = m.total;
  const budget = m.primaryBudget;
  const vsBudget = budget
    ? `<span class="v">${formatPercent(budget.actualPct)}</span>` +
      `<small>of ${money(budget.limit, m.currency)} (${escapeHtml(budget.name)})</small>`
    : `<span class="v">–</span><small>no account-wide monthly budget</small>`;
  const cls = t.change > 0 ? 'up' : t.change < 0 ? 'down' : '';
  return (
    `<div class="kpis">` +
    `<div class="kpi"><small>Total ${escapeHtml(m.monthLabel)}</small><span class="v">${money(t.amount, m.currency)}</span></div>` +
    (`<div class="kpi"><small>vs ${escapeHtml(m.previousLabel)} (${money(t.previous, m.currency)})</small>` +
      `<span class="v ${cls}">${escapeHtml(formatChange(t.changePct))}</span>` +
      `<small>${escapeHtml(formatSignedMoney(t.change, m.currency))}</small></div>`) +
    `<div class="kpi"><small>vs budget</small>${vsBudget}</div></div>`
  );
}

function notes(m: ReportModel): string {
  const out: string[] = [];
  if (m.partial)
    out.push(
      `Partial month: spend through ${m.through} only; ${escapeHtml(m.monthLabel)} is not over yet. Compared with the same ` +
        `days of the month before, ${m.comparedWith.from} to ${m.comparedWith.to}.`,
    );
  if (m.estimated) out.push('Cost Explorer still marks part of this period as estimated: amounts can change as AWS finalises them.');
  if (m.empty) out.push(`<span class="empty">No spend was recorded for ${escapeHtml(m.monthLabel)}.</span>`);
  return out.map((n) => `<p class="note">${n}</p>`).join('');
}

function budgets(m: ReportModel): string {
  if (!m.budgets.length) return section('Budget', '<p>No monthly cost budget is set in AWS Budgets.</p>');
  const items = m.budgets.map((b) => {
    const head = `<strong>${escapeHtml(b.name)}</strong> <small>${escapeHtml(budgetScope(b))}</small>`;
    const body =
      b.actual === null
        ? `<p><small>Limit ${money(b.limit, m.currency)}; ${escapeHtml(NO_BUDGET_HISTORY)}</small></p>`
        : budgetBar(b.actual, b.limit, {
            label: `${b.name}: ${formatMoney(b.actual, m.currency)} of ${formatMoney(b.limit, m.currency)}`,
            currency: m.currency,
          });
    return `<div class="budget">${head}${body}</div>`;
  });
  return section('Budget', items.join(''));
}

function byTag(m: ReportModel): string {
  return m.tags
    .map((t) =>
      section(
        `By tag: ${t.key}`,
        t.rows.length
          ? lineTable(t.rows, { currency: m.currency, name: t.key, month: m.monthLabel, previous: m.previousLabel })
          : '<p>No spend in either month.</p>',
      ),
    )
    .join('');
}

function waste(m: ReportModel): string {
  if (!m.waste) return section('Waste', '<p>No idle-resources findings were found for this month.</p>');
  const w = m.waste;
  const intro = `<p><small>Idle-resources findings of ${escapeHtml(w.asOf)}: ${countOf(w.items.length, 'resource')}.</small></p>`;
  const rules = w.byRule?.length ? wasteRulesTable(w, m.currency) : '';
  return section('Waste', intro + ownership(m) + rules + (w.items.length ? wasteTable(w, m.currency) : '<p>No waste found.</p>'));
}

/** The month's realized savings and untagged share (weekly ownership digest), with last month's share for the trend. */
function ownership(m: ReportModel): string {
  const o = m.ownership;
  if (!o) return '';
  const share = (pct: number | null) => (pct === null ? 'unknown' : formatPercent(pct));
  return (
    `<p>Saved this month: ${formatMoney(o.realizedSavings, m.currency)}/month (${countOf(o.resolvedFindings, 'finding')} resolved). ` +
    `Untagged spend: ${share(o.untaggedSharePct)} of the last digest's week (the month before: ${share(o.untaggedSharePctPrevious)}).</p>`
  );
}

/** Organizations: each account month over month, named. */
function byAccount(m: ReportModel): string {
  if (!m.accounts) return '';
  const rows = m.accounts.lines;
  const body = rows.length
    ? lineTable(rows, { currency: m.currency, name: 'Account', month: m.monthLabel, previous: m.previousLabel, total: m.total })
    : '<p>No spend in either month.</p>';
  return section(`By account (${rows.length})`, body);
}

function movers(m: ReportModel): string {
  const opts = { currency: m.currency, name: 'Service', month: m.monthLabel, previous: m.previousLabel };
  const up = m.moversUp.length ? lineTable(m.moversUp, opts) : '<p>No service cost more than the month before.</p>';
  const down = m.moversDown.length ? lineTable(m.moversDown, opts) : '<p>No service cost less than the month before.</p>';
  return `<div class="grid">${section('Top movers up', up)}${section('Top movers down', down)}</div>`;
}

export function renderHtml(m: ReportModel): string {
  const legend = [m.monthLabel, m.previousLabel] as const;
  const charts = m.empty
    ? ''
    : section('Daily spend', lineChart(m.daily, { label: `Daily spend, ${m.monthLabel}`, currency: m.currency })) +
      section(
        'By service, month over month',
        barPairs(
          m.chart.map((l) => ({ label: l.key, amount: l.amount, previous: l.previous })),
          { label: `Spend by service, ${m.monthLabel} vs ${m.previousLabel}`, currency: m.currency, legend },
        ),
      );
  const all = m.services.length
    ? section(
        `All services (${m.services.length})`,
        lineTable(m.services, { currency: m.currency, name: 'Service', month: m.monthLabel, previous: m.previousLabel, total: m.total }),
      )
    : '';
  const title = `AWS cost report: ${m.monthLabel}`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${CSS.trim()}</style></head><body><main>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(m.month)} compared with ${escapeHtml(m.previousMonth)} ` +
      `· ${escapeHtml(m.currency)}</p></header>`,
    notes(m),
    kpis(m),
    charts,
    budgets(m),
    reviewSection(m),
    leversSection(m),
    containersSection(m),
    byAccount(m),
    movers(m),
    byTag(m),
    waste(m),
    all,
    `<footer>Spend from AWS Cost Explorer (${escapeHtml(m.metric)}), credits and refunds excluded. Generated by cost-watch ` +
      `at ${escapeHtml(m.generatedAt)}.</footer>`,
    '</main></body></html>\n',
  ].join('');
}
