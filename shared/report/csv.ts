import { stripBidi } from '../text/bidi.js';
import type { ReportModel } from './model.js';

/**
 * The spreadsheet file: one row per service, RFC 4180 (CRLF line ends, fields
 * holding a comma, quote or line break are quoted, quotes doubled). The month
 * is a column so several months' files paste into one sheet.
 */
export const CSV_HEADER = ['month', 'service', 'amount', 'previous', 'change', 'change_pct', 'currency'] as const;
/** Organizations: one row per (account, service), the account first. */
export const ORG_CSV_HEADER = [
  'month',
  'account',
  'account_name',
  'service',
  'amount',
  'previous',
  'change',
  'change_pct',
  'currency',
] as const;

/**
 * A text cell starting with = + - @ is run as a formula by spreadsheets; a
 * leading apostrophe keeps it text (OWASP "CSV injection"). Numbers never pass here.
 */
export function csvText(value: string): string {
  const clean = stripBidi(value);
  return csvField(/^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean);
}

/** A field quoted when it must be, without bidi controls (see stripBidi). */
export function csvField(value: string): string {
  const clean = stripBidi(value);
  return /[",\r\n]/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

const amount = (n: number) => n.toFixed(2);

export function renderCsv(m: ReportModel): string {
  if (m.accounts) {
    const rows = m.accounts.services.map((l) =>
      [
        csvField(m.month),
        csvField(l.account),
        csvText(l.name),
        csvText(l.key),
        amount(l.amount),
        amount(l.previous),
        amount(l.change),
        l.changePct === null ? '' : String(l.changePct),
        csvField(m.currency),
      ].join(','),
    );
    return [ORG_CSV_HEADER.join(','), ...rows].map((r) => `${r}\r\n`).join('');
  }
  const rows = m.services.map((l) =>
    [
      csvField(m.month),
      csvText(l.key),
      amount(l.amount),
      amount(l.previous),
      amount(l.change),
      l.changePct === null ? '' : String(l.changePct),
      csvField(m.currency),
    ].join(','),
  );
  return [CSV_HEADER.join(','), ...rows].map((r) => `${r}\r\n`).join('');
}
