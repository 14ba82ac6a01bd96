import type { ReportModel } from '../model.js';
import { budgetsSheet } from './budgets-sheet.js';
import { containersSheet } from './containers-sheet.js';
import { leverSheets } from './levers-sheets.js';
import { rightsizingSheet } from './rightsizing-sheet.js';
import {
  accountsSheet,
  allocationSheet,
  categoriesSheet,
  dailySheet,
  servicesSheet,
  summarySheet,
  tagsSheet,
  wasteSheet,
  type AccountRow,
} from './sheets.js';

export type { AccountRow } from './sheets.js';
export { cellText, currencyFormat } from './format.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxOptions {
  /** The Accounts sheet: byAccount in an organization, else the one account; empty leaves headers only. */
  readonly accounts: readonly AccountRow[];
}

/**
 * `cost-report.xlsx` (exceljs): Summary, Services, Daily, Accounts,
 * Categories, Tags, Waste, then Allocation, Rightsizing, Budgets, and the savings
 * levers (Levers, then a sheet per lever). A Buffer, so the
 * job writes it to S3 and the finance email attaches the same bytes.
 */
export async function renderXlsx(m: ReportModel, o: XlsxOptions): Promise<Buffer> {
  // Loaded on first use: exceljs is most of the monthly-report bundle, and evaluating it at
  // import would slow every cold start (and every CLI run) by hundreds of milliseconds.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cost-watch';
  // A fixed date keeps the bytes stable for a given report (no "modified" churn between identical runs).
  wb.created = wb.modified = new Date(m.generatedAt);
  summarySheet(wb, m);
  servicesSheet(wb, m);
  dailySheet(wb, m);
  accountsSheet(wb, m, o.accounts);
  categoriesSheet(wb, m);
  tagsSheet(wb, m);
  wasteSheet(wb, m);
  allocationSheet(wb, m);
  rightsizingSheet(wb, m);
  budgetsSheet(wb, m);
  leverSheets(wb, m);
  containersSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
