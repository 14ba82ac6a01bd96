import { reportSummaryLines } from '../summary.js';
import { oneLine } from '../../notify/escape.js';
import { formatChange, formatMoney, formatPercent } from '../../format.js';
import { s3ConsoleUrl } from '../console.js';
import { leverLines } from './levers.js';
import { reviewLines } from './review.js';
import { sizeNotes } from './size-notes.js';
import { EMAIL_TOP_SERVICES, type FinanceEmailContent } from './types.js';

/** The plain-text alternative: the same facts as the HTML part, for clients that show text only. */
export function renderEmailText(c: FinanceEmailContent): string {
  const { model: m } = c;
  const lines = reportSummaryLines(m, EMAIL_TOP_SERVICES);
  if (c.categories.length) {
    lines.push('', 'By category:');
    for (const r of c.categories) {
      const budget = r.budget === null ? 'no budget' : `${formatPercent(r.budgetPct)} of the ${formatMoney(r.budget, m.currency)} budget`;
      const change = r.amount === 0 && r.previous === 0 ? 'no change' : formatChange(r.changePct);
      lines.push(`- ${oneLine(r.category)}: ${formatMoney(r.amount, m.currency)} (${change}), ${budget}`);
    }
  }
  const review = reviewLines(m.review, m.currency);
  if (review.length) lines.push('', 'FinOps review:', ...review.map(([label, value]) => `- ${label}: ${value}`));
  const levers = leverLines(m.review, m.currency);
  if (levers.length) lines.push('', 'Savings levers:', ...levers.map(([label, value]) => `- ${label}: ${oneLine(value)}`));
  lines.push(
    '',
    `Attached: ${c.attachments.map((a) => a.filename).join(', ') || 'nothing'}. Open cost-report.html in a browser for the ` +
      `charts and every service.`,
    ...sizeNotes(c),
    `The same files are kept in S3 at ${c.location}`,
    `S3 console folder (AWS sign-in required): ${s3ConsoleUrl(c.location)}`,
  );
  return `${lines.join('\n')}\n`;
}
