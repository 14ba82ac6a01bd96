import type { Workbook } from 'exceljs';
import type { ReportModel } from '../model.js';
import { fillSheet, fraction, type Column } from './format.js';

/** Every monthly cost budget in force during the month: limit, its own actual and the share used, as numbers. */
export function budgetsSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Budget', kind: 'text', width: 28 },
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Account name', kind: 'text', width: 20 },
    { header: 'Covers', kind: 'text', width: 14 },
    { header: 'Limit', kind: 'money' },
    { header: 'Actual', kind: 'money' },
    { header: 'Used %', kind: 'percent', width: 10 },
  ];
  const rows = m.budgets.map((b) => [
    b.name,
    b.account ?? null,
    b.accountName ?? null,
    b.accountWide ? 'whole account' : 'filtered',
    b.limit,
    b.actual,
    fraction(b.actualPct),
  ]);
  fillSheet(wb.addWorksheet('Budgets'), columns, rows, m.currency);
}
