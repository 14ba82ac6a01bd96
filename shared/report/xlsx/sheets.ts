import type { Workbook } from 'exceljs';
import type { ReportModel } from '../model.js';
import { currencyFormat, DATE, fillSheet, fraction, PERCENT, type Cell, type Column } from './format.js';

/** One function per sheet, in the contract's order. Every amount is a number cell. */

export interface AccountRow {
  readonly account: string;
  readonly name: string | null;
  readonly amount: number;
  readonly previous: number;
  readonly changePct: number | null;
}

const CHANGE: Column[] = [
  { header: 'Amount', kind: 'money' },
  { header: 'Previous month', kind: 'money' },
  { header: 'Change', kind: 'money' },
  { header: 'Change %', kind: 'percent', width: 10 },
];

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function summarySheet(wb: Workbook, m: ReportModel): void {
  const b = m.primaryBudget;
  const c = m.review?.commitments;
  const rows: Array<[string, Cell, Column['kind']]> = [
    ['Month', m.month, 'text'],
    ['Currency', m.currency, 'text'],
    ['Covers through', utcDate(m.through), 'date'],
    ['Total', m.total.amount, 'money'],
    ['Previous month', m.total.previous, 'money'],
    ['Change', m.total.change, 'money'],
    ['Change %', fraction(m.total.changePct), 'percent'],
    ['Budget', b ? b.name : null, 'text'],
    ['Budget limit', b ? b.limit : null, 'money'],
    ['Budget used %', fraction(b?.actualPct ?? null), 'percent'],
  ];
  if (c) {
    rows.push(
      ['Savings Plans coverage %', fraction(c.savingsPlans.coveragePct), 'percent'],
      ['Savings Plans utilization %', fraction(c.savingsPlans.utilizationPct), 'percent'],
    );
    rows.push(
      ['Reservations coverage %', fraction(c.reservations.coveragePct), 'percent'],
      ['Reservations utilization %', fraction(c.reservations.utilizationPct), 'percent'],
    );
  }
  if (m.waste) rows.push(['Estimated monthly waste', m.waste.estimatedMonthlySavings, 'money']);
  if (m.review?.levers) rows.push(['Savings levers a month, counted once', m.review.levers.totalDedupedSavings, 'money']);
  if (m.partial) rows.push(['Partial month', 'yes', 'text']);
  if (m.estimated) rows.push(['Estimated by AWS', 'yes', 'text']);
  const ws = wb.addWorksheet('Summary');
  fillSheet(
    ws,
    [
      { header: 'Item', kind: 'text', width: 30 },
      { header: 'Value', kind: 'text', width: 22 },
    ],
    rows.map(([k, v]) => [k, v]),
    m.currency,
  );
  // The value column mixes kinds: format cell by cell.
  const formats = { money: currencyFormat(m.currency), percent: PERCENT, date: DATE, number: '0.00', text: undefined };
  rows.forEach(([, , kind], i) => {
    const numFmt = formats[kind];
    if (numFmt) ws.getCell(i + 2, 2).numFmt = numFmt;
  });
}

export function servicesSheet(wb: Workbook, m: ReportModel): void {
  fillSheet(
    wb.addWorksheet('Services'),
    [{ header: 'Service', kind: 'text', width: 48 }, ...CHANGE],
    m.services.map((l) => [l.key, l.amount, l.previous, l.change, fraction(l.changePct)]),
    m.currency,
  );
}

export function dailySheet(wb: Workbook, m: ReportModel): void {
  fillSheet(
    wb.addWorksheet('Daily'),
    [
      { header: 'Date', kind: 'date', width: 12 },
      { header: 'Total', kind: 'money' },
    ],
    m.daily.map((d) => [utcDate(d.date), d.amount]),
    m.currency,
  );
}

export function accountsSheet(wb: Workbook, m: ReportModel, accounts: readonly AccountRow[]): void {
  const columns: Column[] = [
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Name', kind: 'text', width: 28 },
    CHANGE[0]!,
    CHANGE[1]!,
    CHANGE[3]!,
  ];
  fillSheet(
    wb.addWorksheet('Accounts'),
    columns,
    accounts.map((a) => [a.account, a.name ?? a.account, a.amount, a.previous, fraction(a.changePct)]),
    m.currency,
  );
}

export function categoriesSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Category', kind: 'text', width: 24 },
    CHANGE[0]!,
    CHANGE[1]!,
    CHANGE[3]!,
    { header: 'Budget', kind: 'money' },
    { header: 'Budget used %', kind: 'percent' },
  ];
  const rows = (m.review?.byCategory ?? []).map((c) => [
    c.category,
    c.amount,
    c.previous,
    fraction(c.changePct),
    c.budget,
    fraction(c.budgetPct),
  ]);
  fillSheet(wb.addWorksheet('Categories'), columns, rows, m.currency);
}

export function tagsSheet(wb: Workbook, m: ReportModel): void {
  const rows = m.tags.flatMap((t) => t.rows.map((l) => [t.key, l.key, l.amount, l.previous, l.change, fraction(l.changePct)]));
  fillSheet(
    wb.addWorksheet('Tags'),
    [{ header: 'Tag key', kind: 'text', width: 18 }, { header: 'Value', kind: 'text', width: 28 }, ...CHANGE],
    rows,
    m.currency,
  );
}

export function wasteSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Resource', kind: 'text', width: 24 },
    { header: 'Kind', kind: 'text', width: 18 },
    { header: 'Region', kind: 'text' },
    { header: 'Detail', kind: 'text', width: 30 },
    { header: 'Est. per month', kind: 'money' },
  ];
  fillSheet(
    wb.addWorksheet('Waste'),
    columns,
    (m.waste?.items ?? []).map((w) => [w.id, w.kind, w.region, w.detail, w.estimatedMonthlyCost]),
    m.currency,
  );
}

/** Extra sheets (not in the contract's list): the allocation against targets; the rightsizing advice is in rightsizing-sheet.ts. */
export function allocationSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Tag key', kind: 'text', width: 18 },
    { header: 'Value', kind: 'text', width: 24 },
    { header: 'Amount', kind: 'money' },
    { header: 'Share %', kind: 'percent' },
    { header: 'Target %', kind: 'percent' },
    { header: 'Deviation (pts)', kind: 'number' },
  ];
  const rows = (m.review?.allocation ?? []).map((a) => [
    a.tagKey,
    a.value,
    a.amount,
    fraction(a.sharePct),
    fraction(a.targetPct),
    a.deviationPts,
  ]);
  fillSheet(wb.addWorksheet('Allocation'), columns, rows, m.currency);
}
