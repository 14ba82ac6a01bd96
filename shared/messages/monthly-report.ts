import { formatMoney, formatPct } from '../money.js';
import type { SnsMessage } from '../notify/sns.js';
import type { Alert } from '../notify/types.js';
import type { ReportModel } from '../report/model.js';

/** The one email of a month's report; its id makes re-runs send it once. */
export interface ReportAlert extends Alert {
  readonly month: string;
}

export interface ReportMessageContext {
  readonly model: ReportModel;
  /** Pre-signed GET link to the HTML report. */
  readonly link: string;
  /** When the link stops working (ISO timestamp). */
  readonly linkExpiresAt: string;
  /** Where the three files are, e.g. `s3://bucket/reports/2026-03/`. */
  readonly location: string;
}

export const TOP_SERVICES = 5;

/** SNS subjects must be ASCII: "€1,234.00" would lose its sign, so other currencies print their code. */
function asciiMoney(amount: number, currency: string): string {
  const text = formatMoney(amount, currency);
  return /^[\x20-\x7e]+$/.test(text) ? text : `${amount.toFixed(2)} ${currency}`;
}

function budgetLine(m: ReportModel): string {
  const b = m.primaryBudget;
  if (!b) return m.budgets.length ? 'vs budget: no account-wide monthly budget (see the report for filtered budgets)' : 'vs budget: no monthly cost budget is set';
  const pct = b.actualPct === null ? 'n/a' : `${b.actualPct}%`;
  const left = b.actual === null ? '' : b.actual > b.limit ? `, ${formatMoney(b.actual - b.limit, m.currency)} over` : `, ${formatMoney(b.limit - b.actual, m.currency)} left`;
  return `vs budget: ${pct} of the ${formatMoney(b.limit, m.currency)} budget "${b.name}"${left}`;
}

export function reportSubject(m: ReportModel): string {
  const partial = m.partial ? ` (partial, through ${m.through})` : '';
  if (m.empty) return `AWS cost report ${m.monthLabel}${partial}: no spend`;
  return `AWS cost report ${m.monthLabel}${partial}: ${asciiMoney(m.total.amount, m.currency)} (${formatPct(m.total.changePct)} vs ${m.previousLabel.split(' ')[0]})`;
}

/** Plain text: finance reads it in any mail client; names need no escaping here. */
export function monthlyReportSnsMessage(ctx: ReportMessageContext): SnsMessage {
  const { model: m } = ctx;
  const money = (n: number) => formatMoney(n, m.currency);
  const sign = m.total.change > 0 ? '+' : '';
  const lines = [`AWS cost report for ${m.monthLabel} (${m.month})${m.partial ? `, partial: spend through ${m.through}` : ''}`, ''];
  if (m.empty) lines.push(`No spend was recorded for ${m.monthLabel}.`, '');
  lines.push(
    `Total: ${money(m.total.amount)}`,
    `vs ${m.previousLabel}: ${money(m.total.previous)} (${formatPct(m.total.changePct)}, ${sign}${money(m.total.change)})`,
    budgetLine(m),
  );
  if (m.estimated) lines.push('Cost Explorer still marks part of the month as estimated; amounts may change slightly.');
  const top = m.services.slice(0, TOP_SERVICES);
  if (top.length) {
    lines.push('', `Top ${top.length} services:`);
    top.forEach((s, i) => lines.push(`${i + 1}. ${s.key}: ${money(s.amount)} (${formatPct(s.changePct)}${s.changePct === null ? '' : ` vs ${money(s.previous)}`})`));
  }
  if (m.waste?.items.length)
    lines.push('', `Waste: ${m.waste.items.length} idle or unattached resources, about ${money(m.waste.estimatedMonthlySavings)} a month (findings of ${m.waste.asOf}).`);
  lines.push(
    '',
    `Full report with charts (link valid until ${ctx.linkExpiresAt.slice(0, 16).replace('T', ' ')} UTC at the latest):`,
    ctx.link,
    '',
    `The CSV (one row per service) and JSON are next to it: ${ctx.location}`,
    // A pre-signed URL dies with the credentials that signed it: from Lambda's
    // temporary role credentials that is hours, not 7 days. The console link does not expire.
    `If the link has expired, open the folder in the S3 console (sign-in required): ${consoleUrl(ctx.location)}`,
  );
  return { subject: reportSubject(m), body: lines.join('\n'), attributes: { job: 'monthly-report', severity: 'info' } };
}

/** `s3://bucket/reports/2026-10/` → the S3 console page of that folder. */
function consoleUrl(location: string): string {
  const [, bucket = '', prefix = ''] = /^s3:\/\/([^/]+)\/(.*)$/.exec(location) ?? [];
  return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?prefix=${encodeURIComponent(prefix)}`;
}
