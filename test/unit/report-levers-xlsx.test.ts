import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../shared/report/model.js';
import { currencyFormat, renderXlsx } from '../../shared/report/xlsx/index.js';
import type { LeverName } from '../../shared/review/levers/types.js';
import { leverGaps, leversData } from '../support/levers-data.js';
import { reportData } from '../support/report-data.js';
import { reviewData } from '../support/review-data.js';

async function workbook(gaps: LeverName[] = []): Promise<ExcelJS.Workbook> {
  const levers = leversData(gaps);
  const rightsizing = levers.levers.find((l) => l.lever === 'rightsizing')!.items as ReturnType<typeof reviewData>['rightsizing'];
  const model = buildReportModel(reportData({ review: reviewData({ levers, rightsizing, gaps: leverGaps(gaps) }) }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(model, { accounts: [] })) as unknown as ArrayBuffer);
  return wb;
}

const rows = (wb: ExcelJS.Workbook, name: string) =>
  wb
    .getWorksheet(name)!
    .getSheetValues()
    .slice(2)
    .map((r) => (r as unknown[]).slice(1));

describe('savings levers in cost-report.xlsx', () => {
  it('sums up each lever in the review order with its figure, items and basis, and the total counted once', async () => {
    const wb = await workbook();

    const levers = rows(wb, 'Levers');
    expect(levers.map((r) => r[0])).toEqual([
      'Right-sizing',
      'RI / Savings Plans',
      'Spot',
      'Data transfer',
      'Graviton',
      'Storage class',
      'Total, each resource counted once',
    ]);
    expect(levers[1]?.slice(2, 4)).toEqual([587.61, 3]);
    expect(levers[3]?.[2]).toBeUndefined(); // data transfer: not priced, an empty cell rather than 0
    expect(String(levers[2]?.[5])).toContain('assumed typical Spot discount of 70%');
    expect(levers[6]?.[2]).toBe(1129.63);
    expect(wb.getWorksheet('Levers')!.getRow(8).getCell(3).numFmt).toBe(currencyFormat('USD'));
    const summary = wb.getWorksheet('Summary')!;
    const row = summary.getColumn(1).values.indexOf('Savings levers a month, counted once');
    expect(summary.getRow(row).getCell(2).value).toBe(1129.63);
  });

  it('lists every item of every lever as numbers with a currency format', async () => {
    const wb = await workbook();

    const buy = rows(wb, 'Commitments to buy');
    expect(buy[1]).toEqual([
      'Amazon Relational Database Service',
      '2 × db.r5.large PostgreSQL Multi-AZ in us-east-1, 1 year, no upfront',
      '123456789012',
      'us-east-1',
      'db.r5.large',
      2,
      0.66,
      0,
      178.85,
      0,
      'rds:db.r5.large:us-east-1:PostgreSQL:Multi-AZ',
      'RI / Savings Plans',
    ]);
    expect(buy[0]?.[2]).toBe('payer');
    expect(rows(wb, 'Spot')[0]).toEqual(['123456789012', 'staging', 420.5, 294.35, 'Spot']);
    expect(rows(wb, 'Storage class')[0]).toEqual(['123456789012', 'us-east-1', 'logs-archive', 5120, 117.76, 26.88, 'Storage class']);
    expect(wb.getWorksheet('Spot')!.getRow(2).getCell(3).numFmt).toBe(currencyFormat('USD'));
    expect(wb.getWorksheet('Graviton')!.getRow(2).getCell(10).numFmt).toBe(currencyFormat('USD'));
  });

  it('gives a row per top source of each data transfer kind, and one for a kind without sources', async () => {
    const wb = await workbook();

    const transfer = rows(wb, 'Data transfer');
    expect(transfer[0]?.slice(0, 5)).toEqual(['Inter-AZ', 310.2, 120.4, 1.576, 'critical']);
    expect(transfer[0]?.slice(6)).toEqual(['EC2 - Other', 'USE1-DataTransfer-Regional-Bytes', 250.1]);
    expect(transfer.filter((r) => r[0] === 'Inter-AZ')).toHaveLength(2);
    expect(transfer.filter((r) => r[0] === 'Inter-region')).toEqual([['Inter-region', 42, 40, 0.05, 'none']]);
  });

  it('says where a resource two levers share is counted, so no column counts it twice', async () => {
    const wb = await workbook();

    const graviton = rows(wb, 'Graviton');
    expect(graviton[0]?.slice(3, 5)).toEqual(['i-0aaa', 'api <prod>']);
    expect(graviton[0]?.[10]).toBe('Right-sizing');
    expect(graviton[2]?.slice(10)).toEqual(['Graviton', 'Cost Optimization Hub']);
    expect(rows(wb, 'Rightsizing').map((r) => r[6])).toEqual(['Rightsizing', 'Waste']);
  });

  it('keeps names from AWS and config as text, never formulas', async () => {
    const levers = leversData();
    const spot = levers.levers.find((l) => l.lever === 'spot')!;
    const evil = { ...spot, items: [{ ...spot.items[0]!, environment: '=HYPERLINK("http://x","y")' }] } as typeof spot;
    const model = buildReportModel(reportData({ review: reviewData({ levers: { ...levers, levers: [evil] } }) }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(model, { accounts: [] })) as unknown as ArrayBuffer);

    expect(wb.getWorksheet('Spot')!.getRow(2).getCell(2).value).toBe('\'=HYPERLINK("http://x","y")');
    expect(rows(wb, 'Spot')[0]?.[1]).not.toHaveProperty('formula');
  });

  it('names the gap of a lever AWS would not answer and leaves its sheet with headers only', async () => {
    const wb = await workbook(['graviton']);

    const graviton = rows(wb, 'Levers').find((r) => r[0] === 'Graviton')!;
    expect(graviton[4]).toBe('denied: the caller needs the IAM permission for graviton');
    expect(wb.getWorksheet('Graviton')!.rowCount).toBe(1);
  });
});
