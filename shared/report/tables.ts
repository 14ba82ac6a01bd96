import { formatChange, formatMoney, formatSignedMoney } from '../format.js';
import { escapeHtml } from './escape.js';
import type { WasteSummary } from './findings.js';
import type { Line } from './model.js';

/**
 * HTML tables of the report. Columns marked `opt` are hidden on narrow
 * screens, so a phone shows name, amount and change without scrolling
 * sideways; print and wide screens show them all.
 */

const money = (n: number, currency: string) => escapeHtml(formatMoney(n, currency));

/** Spend going up is bad news for finance: red; down: green. */
function changeCell(l: Line, currency: string): string {
  const cls = l.change > 0 ? 'up' : l.change < 0 ? 'down' : '';
  return (
    `<td class="${cls}">${escapeHtml(formatSignedMoney(l.change, currency))}<br>` +
    `<small>${escapeHtml(formatChange(l.changePct))}</small></td>`
  );
}

export interface LineTableOptions {
  readonly currency: string;
  /** Header of the first column, e.g. "Service" or a tag key. */
  readonly name: string;
  readonly month: string;
  readonly previous: string;
  /** A total row at the bottom. */
  readonly total?: Line;
  readonly caption?: string;
}

export function lineTable(lines: readonly Line[], o: LineTableOptions): string {
  const row = (l: Line, tag = 'td') =>
    `<tr><${tag} class="name">${escapeHtml(l.key)}</${tag}><td>${money(l.amount, o.currency)}</td>` +
    `<td class="opt">${money(l.previous, o.currency)}</td>${changeCell(l, o.currency)}</tr>`;
  const caption = o.caption ? `<caption>${escapeHtml(o.caption)}</caption>` : '';
  const head =
    `<thead><tr><th class="name">${escapeHtml(o.name)}</th><th>${escapeHtml(o.month)}</th>` +
    `<th class="opt">${escapeHtml(o.previous)}</th><th>Change</th></tr></thead>`;
  const foot = o.total ? `<tfoot>${row(o.total, 'th')}</tfoot>` : '';
  return `<table>${caption}${head}<tbody>${lines.map((l) => row(l)).join('')}</tbody>${foot}</table>`;
}

/** One row per waste rule, zero included: the reader sees what was checked, not only what was found. */
export function wasteRulesTable(waste: WasteSummary, currency: string): string {
  const rows = (waste.byRule ?? []).map(
    (r) =>
      `<tr><td class="name">${escapeHtml(r.title)}<br><small>${escapeHtml(r.rule)} · ${escapeHtml(r.action)}</small></td>` +
      `<td>${r.findings}</td><td>${money(r.estimatedMonthlyCost, currency)}</td></tr>`,
  );
  return (
    `<table><thead><tr><th class="name">Rule</th><th>Findings</th><th>Est. per month</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

export function wasteTable(waste: WasteSummary, currency: string): string {
  const rows = waste.items.map(
    (w) =>
      `<tr><td class="name">${escapeHtml(w.id)}<br><small>${escapeHtml(w.kind)}</small></td>` +
      `<td class="opt">${escapeHtml(w.region)}</td><td class="opt">${escapeHtml(w.detail)}</td>` +
      `<td>${w.estimatedMonthlyCost === null ? 'price unknown' : money(w.estimatedMonthlyCost, currency)}</td></tr>`,
  );
  return (
    `<table><thead><tr><th class="name">Resource</th><th class="opt">Region</th><th class="opt">Detail</th>` +
    `<th>Est. per month</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody>` +
    (`<tfoot><tr><th class="name">Estimated savings</th><td class="opt"></td><td class="opt"></td>` +
      `<th>${money(waste.estimatedMonthlySavings, currency)}</th></tr></tfoot></table>`)
  );
}
