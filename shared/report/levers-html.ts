import { countOf, formatChange, formatMoney } from '../format.js';
import type { AnyLever, DataTransferItem, Lever } from '../review/levers/types.js';
import type { FinOpsReview } from '../review/types.js';
import { escapeHtml } from './escape.js';
import {
  accountText,
  DATA_TRANSFER_TITLES,
  LEVER_COLUMNS,
  LEVER_TITLES,
  LEVER_TOP,
  leverGap,
  leverRows,
  moreText,
  orderedLevers,
  type LeverRow,
} from './levers.js';
import type { ReportModel } from './model.js';
import { coverageTable } from './review-html.js';
import { savingsBars } from './review-svg.js';

/**
 * The "Savings levers" section: the FinOps review's four questions in its
 * order (right-sizing, RI / Savings Plans, Spot, data transfer), then Graviton
 * and storage class, each with its monthly figure, the sentence saying how it
 * was estimated, and its items (the largest LEVER_TOP, the rest in the
 * workbook). The total at the top counts each resource once.
 */

const esc = escapeHtml;
const money = (n: number, currency: string) => esc(formatMoney(n, currency));
const small = (text: string) => `<small>${esc(text)}</small>`;
const more = (total: number, noun: string) => {
  const text = moreText(total, LEVER_TOP, noun);
  return text ? `<p>${small(text)}</p>` : '';
};

function rowsTable(l: AnyLever, rows: readonly LeverRow[], currency: string): string {
  const [item, detail] = LEVER_COLUMNS[l.lever];
  const body = rows.slice(0, LEVER_TOP).map((r) => {
    const sub = r.sub ? `<br>${small(r.sub)}` : '';
    const note = r.note ? `<br>${small(r.note)}` : '';
    const saving = r.saving === null ? '–' : money(r.saving, currency);
    return (
      `<tr><td class="name">${esc(r.name)}${sub}</td><td class="opt">${esc(accountText(r.account))}</td>` +
      `<td>${esc(r.detail)}</td><td>${saving}${note}</td></tr>`
    );
  });
  return (
    `<table><thead><tr><th class="name">${esc(item)}</th><th class="opt">Account</th><th>${esc(detail)}</th>` +
    `<th>Est. per month</th></tr></thead><tbody>${body.join('')}</tbody></table>` +
    more(rows.length, l.lever === 'commitments' ? 'purchase' : l.lever === 'storage-class' ? 'bucket' : 'item')
  );
}

function dataTransferTables(l: Lever<'data-transfer'>, m: ReportModel): string {
  const kinds = l.items.map((k: DataTransferItem) => {
    const grew = k.severity !== 'none';
    const change = k.amount === 0 && k.previous === 0 ? 'no change' : formatChange(k.changePct);
    return (
      `<tr><td class="name">${esc(DATA_TRANSFER_TITLES[k.kind] ?? k.kind)}` +
      `${grew ? `<br>${small(`grew past the spike thresholds (${k.severity})`)}` : ''}</td>` +
      `<td>${money(k.amount, m.currency)}</td><td class="opt">${money(k.previous, m.currency)}</td>` +
      `<td${grew ? ' class="up"' : ''}>${esc(change)}</td></tr>`
    );
  });
  const sources = l.items.flatMap((k) => k.top.map((t) => ({ ...t, kind: k.kind }))).sort((a, b) => b.amount - a.amount);
  const sourceRows = sources
    .slice(0, LEVER_TOP)
    .map(
      (t) =>
        `<tr><td class="name">${esc(t.usageType)}<br>${small(`${DATA_TRANSFER_TITLES[t.kind] ?? t.kind} · ${t.service}`)}</td>` +
        `<td class="opt">${esc(accountText(t.account))}</td><td>${money(t.amount, m.currency)}</td></tr>`,
    );
  const kindTable =
    `<table><thead><tr><th class="name">Kind</th><th>${esc(m.monthLabel)}</th><th class="opt">${esc(m.previousLabel)}</th>` +
    `<th>Change</th></tr></thead><tbody>${kinds.join('')}</tbody></table>`;
  const sourceTable = sources.length
    ? `<table><caption>Top sources</caption><thead><tr><th class="name">Usage type</th><th class="opt">Account</th>` +
      `<th>${esc(m.monthLabel)}</th></tr></thead><tbody>${sourceRows.join('')}</tbody></table>` +
      more(sources.length, 'source')
    : '';
  return kindTable + sourceTable;
}

function figure(l: AnyLever, m: ReportModel): string {
  if (l.estimatedMonthlySavings !== null)
    return `<p class="lever-figure"><strong>${money(l.estimatedMonthlySavings, m.currency)} a month</strong></p>`;
  const grew = l.lever === 'data-transfer' ? l.items.filter((k) => k.severity !== 'none').length : 0;
  return `<p class="lever-figure"><strong>Not priced</strong>${grew ? ` ${small(`· ${countOf(grew, 'kind')} grew`)}` : ''}</p>`;
}

function leverPart(l: AnyLever, m: ReportModel, r: FinOpsReview): string {
  const { title, question } = LEVER_TITLES[l.lever];
  const head = `<h3>${esc(title)}: ${esc(question)}</h3>`;
  const coverage = l.lever === 'commitments' ? coverageTable(r) : '';
  const gap = leverGap(l, r);
  if (gap) return `<div class="review-part lever">${head}${coverage}<p class="note">${esc(gap.message)}</p></div>`;
  const basis = `<p>${small(l.basis)}</p>`;
  let items: string;
  if (l.lever === 'data-transfer') items = l.items.length ? dataTransferTables(l, m) : '<p>No data transfer either month.</p>';
  else {
    const rows = leverRows(l, m.currency);
    items = rows.length ? rowsTable(l, rows, m.currency) : '<p>Nothing to recommend this month.</p>';
  }
  return `<div class="review-part lever">${head}${figure(l, m)}${basis}${coverage}${items}</div>`;
}

/** The section; empty when the report has no levers. */
export function leversSection(m: ReportModel): string {
  const r = m.review;
  const s = r?.levers;
  if (!r || !s) return '';
  const levers = orderedLevers(s);
  const total =
    `<div class="kpis"><div class="kpi"><small>Estimated savings a month, each resource counted once</small>` +
    `<span class="v down">${money(s.totalDedupedSavings, m.currency)}</span>` +
    `<small>A resource in several levers counts once, with its largest saving; data transfer is not priced.</small></div></div>`;
  const chart = savingsBars(
    levers.map((l) => ({
      label: LEVER_TITLES[l.lever].title,
      amount: l.estimatedMonthlySavings,
      missing: l.gap ? 'AWS would not answer' : 'not priced',
    })),
    { label: `Estimated monthly savings by lever, ${m.monthLabel}`, currency: m.currency },
  );
  return `<section class="levers"><h2>Savings levers</h2>${total}${chart}${levers.map((l) => leverPart(l, m, r)).join('')}</section>`;
}
