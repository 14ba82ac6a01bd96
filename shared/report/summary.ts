import { countOf, formatChange, formatMoney, formatPercent, formatSignedMoney } from '../format.js';
import { oneLine } from '../notify/escape.js';
import type { ReportModel } from './model.js';

/** The summary of a month's report in plain text: the SNS email, the SES email's subject and text part. */
const TOP_SERVICES = 5;

/** SNS subjects must be ASCII: "€1,234.00" would lose its sign, so other currencies print their code. */
function asciiMoney(amount: number, currency: string): string {
  const text = formatMoney(amount, currency);
  return /^[\x20-\x7e]+$/.test(text) ? text : `${amount.toFixed(2)} ${currency}`;
}

function budgetLine(m: ReportModel): string {
  const b = m.primaryBudget;
  if (!b)
    return m.budgets.length
      ? 'vs budget: no account-wide monthly budget (see the report for filtered budgets)'
      : 'vs budget: no monthly cost budget is set';
  const pct = formatPercent(b.actualPct);
  const left =
    b.actual === null
      ? ''
      : b.actual > b.limit
        ? `, ${formatMoney(b.actual - b.limit, m.currency)} over`
        : `, ${formatMoney(b.limit - b.actual, m.currency)} left`;
  return `vs budget: ${pct} of the ${formatMoney(b.limit, m.currency)} budget "${oneLine(b.name)}"${left}`;
}

export function reportSubject(m: ReportModel): string {
  const partial = m.partial ? ` (partial, through ${m.through})` : '';
  if (m.empty) return `AWS cost report ${m.monthLabel}${partial}: no spend`;
  return (
    `AWS cost report ${m.monthLabel}${partial}: ${asciiMoney(m.total.amount, m.currency)} (${formatChange(m.total.changePct)} ` +
    `vs ${m.previousLabel.split(' ')[0]})`
  );
}

/** Title, totals, budget, top services and waste as plain text: the SNS email and the SES email's text part. */
function totalChange(m: ReportModel): string {
  if (m.total.amount === 0 && m.total.previous === 0) return 'no change';
  return `${formatChange(m.total.changePct)}, ${formatSignedMoney(m.total.change, m.currency)}`;
}

export function reportSummaryLines(m: ReportModel, topServices = TOP_SERVICES): string[] {
  const money = (n: number) => formatMoney(n, m.currency);
  const lines = [`AWS cost report for ${m.monthLabel} (${m.month})${m.partial ? `, partial: spend through ${m.through}` : ''}`, ''];
  if (m.empty) lines.push(`No spend was recorded for ${m.monthLabel}.`, '');
  lines.push(
    `Total: ${money(m.total.amount)}`,
    // Nothing either month is "no change", not "new spend, $0.00".
    `vs ${m.previousLabel}: ${money(m.total.previous)} (${totalChange(m)})`,
    budgetLine(m),
  );
  if (m.estimated) lines.push('Cost Explorer still marks part of the month as estimated; amounts may change slightly.');
  const top = m.services.slice(0, topServices);
  if (top.length) {
    lines.push('', `Top ${top.length} services:`);
    top.forEach((s, i) =>
      lines.push(
        `${i + 1}. ${oneLine(s.key)}: ${money(s.amount)} ` +
          `(${formatChange(s.changePct)}${s.changePct === null ? '' : ` vs ${money(s.previous)}`})`,
      ),
    );
  }
  if (m.waste?.items.length)
    lines.push(
      '',
      `Waste: ${countOf(m.waste.items.length, 'waste finding')} (idle, stopped or unattached resources and more), ` +
        `about ${money(m.waste.estimatedMonthlySavings)} a month (findings of ${m.waste.asOf}).`,
    );
  return lines;
}
