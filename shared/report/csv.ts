import { stripBidi } from '../text/bidi.js';
import { CONTAINER_COLUMNS, containerCsvRows } from './csv-containers.js';
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
  // Only with containers: the file of a config without them stays as it was.
  const extra = m.containers ? [...CONTAINER_COLUMNS] : [];
  const tail = m.containers ? ['services', '', ''] : [];
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
        ...tail,
      ].join(','),
    );
    return lines([...ORG_CSV_HEADER, ...extra], rows, containerCsvRows(m, true, csvField, csvText));
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
      ...tail,
    ].join(','),
  );
  return lines([...CSV_HEADER, ...extra], rows, containerCsvRows(m, false, csvField, csvText));
}

const lines = (header: readonly string[], rows: string[], more: string[]) =>
  [header.join(','), ...rows, ...more].map((r) => `${r}\r\n`).join('');
