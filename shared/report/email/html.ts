import { countOf, formatChange, formatMoney, formatPercent, formatSignedMoney } from '../../format.js';
import { budgetScope, NO_BUDGET_HISTORY } from '../budgets.js';
import type { Line } from '../model.js';
import { s3ConsoleUrl } from '../console.js';
import { leverLines } from './levers.js';
import { reviewLines } from './review.js';
import { CELL, COLOR, esc, FIGURE, FONT, heading, labelTable, NAME, para, presentation, small } from './style.js';
import { sizeNotes } from './size-notes.js';
import { EMAIL_TOP_SERVICES, type CategoryRow, type FinanceEmailContent } from './types.js';

/**
 * The email body. Mail clients (Outlook's Word engine, Gmail) drop <style>
 * blocks, scripts and SVG, so this is tables with inline styles only: bars are
 * table cells with a width and a background. Every name goes through escapeHtml.
 */

/** A data table: the first column a name (left), the others amounts (right). */
function dataTable(head: readonly string[], rows: readonly string[][]): string {
  const th = head
    .map((h, i) => `<th align="${i ? 'right' : 'left'}" style="${CELL};font-size:12px;color:${COLOR.muted};font-weight:600">${esc(h)}</th>`)
    .join('');
  const td = (c: string, i: number) =>
    `<td align="${i ? 'right' : 'left'}" style="${CELL};${i ? FIGURE : `font-size:14px;${NAME}`};color:${COLOR.text}">${c}</td>`;
  const tr = rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('');
  return (
    `<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><thead><tr>${th}</tr>` +
    `</thead><tbody>${tr}</tbody></table>`
  );
}

/** A horizontal bar of `pct` (capped at 100), red when over. */
function bar(pct: number): string {
  const width = Math.max(0, Math.min(100, Math.round(pct)));
  const fill = pct > 100 ? COLOR.over : COLOR.bar;
  const cell = (w: number, color: string) =>
    `<td width="${w}%" style="width:${w}%;background:${color};height:8px;font-size:0;line-height:0">&nbsp;</td>`;
  const cells = width === 0 ? cell(100, COLOR.rule) : width === 100 ? cell(100, fill) : cell(width, fill) + cell(100 - width, COLOR.rule);
  return presentation('margin:4px 0 0', `<tr>${cells}</tr>`);
}

function change(changePct: number | null, delta: number): string {
  const color = delta > 0 ? COLOR.up : delta < 0 ? COLOR.down : COLOR.text;
  // No spend before (no percentage) and none now: nothing changed, it is not "new spend".
  const text = changePct === null && delta === 0 ? 'no change' : formatChange(changePct);
  return `<span style="color:${color}">${esc(text)}</span>`;
}

function summary(c: FinanceEmailContent): string {
  const { model: m } = c;
  const money = (n: number) => esc(formatMoney(n, m.currency));
  const b = m.primaryBudget;
  const budget = b
    ? `<strong style="font-size:20px">${esc(formatPercent(b.actualPct))}</strong><br>${small(`of ${money(b.limit)} (${esc(b.name)})`)}`
    : `<strong style="font-size:20px">&ndash;</strong><br>${small('no account-wide monthly budget')}`;
  // Blocks of at most a third of the card sit side by side on a desktop and stack on a phone, without a media query.
  const kpi = (label: string, body: string) =>
    `<div style="display:inline-block;vertical-align:top;box-sizing:border-box;width:100%;max-width:186px;margin:0 0 6px;` +
    `padding:10px 12px;border:1px solid ${COLOR.rule};font-size:14px;color:${COLOR.text};${NAME}">${small(esc(label))}<br>${body}</div>`;
  return (
    '<div style="margin:12px 0">' +
    kpi(`Total ${m.monthLabel}`, `<strong style="font-size:20px">${money(m.total.amount)}</strong>`) +
    kpi(
      `vs ${m.previousLabel} (${formatMoney(m.total.previous, m.currency)})`,
      `<strong style="font-size:20px">${change(m.total.changePct, m.total.change)}</strong>` +
        `<br>${small(esc(formatSignedMoney(m.total.change, m.currency)))}`,
    ) +
    kpi('vs budget', budget) +
    '</div>'
  );
}

function topServices(c: FinanceEmailContent): string {
  const { model: m } = c;
  if (!m.services.length) return '';
  const top = m.services.slice(0, EMAIL_TOP_SERVICES);
  const money = (n: number) => esc(formatMoney(n, m.currency));
  const rows = top.map((s: Line) => [esc(s.key), money(s.amount), money(s.previous), change(s.changePct, s.change)]);
  const more =
    m.services.length > top.length ? para(small(`${countOf(m.services.length - top.length, 'more service')} in the attached report.`)) : '';
  return heading(`Top ${top.length} services`) + dataTable(['Service', m.monthLabel, m.previousLabel, 'Change'], rows) + more;
}

function categories(rows: readonly CategoryRow[], currency: string): string {
  if (!rows.length) return '';
  const money = (n: number | null) => (n === null ? '&ndash;' : esc(formatMoney(n, currency)));
  const body = rows.map((r) => [
    esc(r.category),
    money(r.amount),
    change(r.changePct, r.amount - r.previous),
    r.budget === null
      ? small('no budget')
      : `${money(r.budget)}<br>${small(r.budgetPct === null ? '' : `${esc(formatPercent(r.budgetPct))} used`)}` +
        `${r.budgetPct === null ? '' : bar(r.budgetPct)}`,
  ]);
  return heading('By category') + dataTable(['Category', 'Spend', 'Change', 'Budget'], body);
}

function budgets(c: FinanceEmailContent): string {
  const { model: m } = c;
  if (!m.budgets.length) return heading('Budget') + para('No monthly cost budget is set in AWS Budgets.');
  const items = m.budgets.map((b) => {
    const name = `<strong>${esc(b.name)}</strong> ${small(esc(budgetScope(b)))}`;
    if (b.actual === null) return para(`${name}<br>${small(`Limit ${esc(formatMoney(b.limit, m.currency))}; ${esc(NO_BUDGET_HISTORY)}`)}`);
    const pct = b.actualPct === null ? '' : ` (${esc(formatPercent(b.actualPct))})`;
    return para(
      `${name}<br>${esc(formatMoney(b.actual, m.currency))} ` +
        `of ${esc(formatMoney(b.limit, m.currency))}${pct}${b.actualPct === null ? '' : bar(b.actualPct)}`,
    );
  });
  return heading('Budget') + items.join('');
}

function notes(c: FinanceEmailContent): string {
  const { model: m } = c;
  const out: string[] = [];
  if (m.partial) out.push(`Partial month: spend through ${esc(m.through)} only.`);
  if (m.estimated) out.push('Cost Explorer still marks part of this period as estimated: amounts can change slightly.');
  if (m.empty) out.push(`<strong>No spend was recorded for ${esc(m.monthLabel)}.</strong>`);
  return out.map((n) => para(n, `background:${COLOR.note};padding:6px 10px`)).join('');
}

function footer(c: FinanceEmailContent): string {
  const { model: m } = c;
  const waste = m.waste?.items.length
    ? para(
        `Waste: ${countOf(m.waste.items.length, 'waste finding')} (idle, stopped or unattached resources and more), ` +
          `about ${esc(formatMoney(m.waste.estimatedMonthlySavings, m.currency))} a month (findings of ${esc(m.waste.asOf)}).`,
      )
    : '';
  const files = c.attachments.map((a) => esc(a.filename)).join(', ');
  const console = s3ConsoleUrl(c.location);
  return (
    waste +
    heading('The full report') +
    para(`Attached: ${files || 'nothing'}. Open cost-report.html in a browser for the charts and every service.`) +
    sizeNotes(c)
      .map((n) => para(esc(n), `background:${COLOR.note};padding:6px 10px`))
      .join('') +
    para(
      `The same files are kept in S3 at ${esc(c.location)}: ` +
        `<a href="${esc(console)}" style="color:${COLOR.bar}">open the folder in the S3 console</a> (AWS sign-in required).`,
    ) +
    para(
      small(
        `Spend from AWS Cost Explorer (${esc(m.metric)}), credits and refunds excluded. Generated by cost-watch at ${esc(m.generatedAt)}.`,
      ),
    )
  );
}

export function renderEmailHtml(c: FinanceEmailContent): string {
  const { model: m } = c;
  const title = `AWS cost report: ${m.monthLabel}`;
  const body = [
    `<h1 style="margin:0;font-size:22px;line-height:1.3;color:${COLOR.text}">${esc(title)}</h1>`,
    para(small(`${esc(m.month)} compared with ${esc(m.previousMonth)} &middot; ${esc(m.currency)}`)),
    notes(c),
    summary(c),
    topServices(c),
    categories(c.categories, m.currency),
    budgets(c),
    labelTable('FinOps review', reviewLines(m.review, m.currency)),
    labelTable('Savings levers', leverLines(m.review, m.currency)),
    footer(c),
  ].join('');
  const card =
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;` +
    `border-collapse:collapse;background:#ffffff;border:1px solid ${COLOR.rule}"><tr>` +
    `<td style="padding:16px 10px;${FONT};color:${COLOR.text}">${body}</td></tr></table>`;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${esc(title)}</title></head><body style="margin:0;padding:0;background:#f1f5f9">` +
    presentation('background:#f1f5f9', `<tr><td align="center" style="padding:12px 4px">${card}</td></tr>`) +
    '</body></html>\n'
  );
}
