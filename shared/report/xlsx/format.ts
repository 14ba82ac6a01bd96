import type { Worksheet } from 'exceljs';
import { stripBidi } from '../../text/bidi.js';

/**
 * Cell conventions of the workbook: amounts are numbers with a currency
 * format, percents are fractions with a percent format (so a formula over
 * them just works), every sheet's header row is bold and frozen.
 */

/** `"$"#,##0.00` for USD; other currencies show their code, e.g. `#,##0.00 "EUR"`. */
export function currencyFormat(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const symbol = symbols[currency];
  return symbol ? `"${symbol}"#,##0.00;-"${symbol}"#,##0.00` : `#,##0.00 "${currency.replace(/"/g, '')}"`;
}

export const PERCENT = '0.0%';
export const DATE = 'yyyy-mm-dd';

// XML 1.0 forbids most control characters: one in a tag value would corrupt the whole file.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text from AWS as a cell: always a plain string (never a formula, hyperlink
 * or rich-text object), without characters XML cannot carry. A value that
 * starts with = + - @ gets a leading apostrophe, as in the CSV, so it stays
 * text even when someone edits the cell and presses Enter (formula injection).
 */
export function cellText(value: string): string {
  const clean = stripBidi(value).replace(XML_INVALID, '');
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** A percent as the report has it (60 = +60 %) → the fraction a spreadsheet's % format expects. */
export const fraction = (pct: number | null): number | null => (pct === null ? null : Math.round(pct * 10) / 1000);

export type ColumnKind = 'text' | 'money' | 'percent' | 'number' | 'date';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Characters. @default 14 */
  readonly width?: number;
}

export type Cell = string | number | Date | null;

/** Header row (bold, frozen, filterable) and the rows; every string passes through cellText, whatever its column. */
export function fillSheet(ws: Worksheet, columns: readonly Column[], rows: ReadonlyArray<readonly Cell[]>, currency: string): void {
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? 14,
    style:
      c.kind === 'money'
        ? { numFmt: currencyFormat(currency) }
        : c.kind === 'percent'
          ? { numFmt: PERCENT }
          : c.kind === 'date'
            ? { numFmt: DATE }
            : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(row.map((v) => (typeof v === 'string' ? cellText(v) : v)));
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}
