import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../shared/report/model.js';
import { renderXlsx } from '../../shared/report/xlsx/index.js';
import { cellText, currencyFormat } from '../../shared/report/xlsx/format.js';
import { reportData } from '../support/report-data.js';
import { reviewData } from '../support/review-data.js';

const model = (over = {}) =>
  buildReportModel(
    reportData({
      current: new Map([
        ['Amazon EC2', 1500.5],
        ['=HYPERLINK("http://x","y")', 20],
        ['S3\u0001bad', 4],
      ]),
      previous: new Map([
        ['Amazon EC2', 1000],
        ['S3\u0001bad', 2],
      ]),
      daily: new Map([
        ['2026-03-01', 50],
        ['2026-03-02', 70],
      ]),
      tags: [
        {
          key: 'team',
          current: new Map([
            ['team$@core', 100],
            ['team$', 5],
          ]),
          previous: new Map([['team$@core', 80]]),
        },
      ],
      budgets: [{ name: 'Total', limit: 2000, actual: 1524.5, actualPct: 76.2, accountWide: true }],
      waste: {
        asOf: '2026-03-26',
        key: 'k',
        estimatedMonthlySavings: 50,
        items: [{ kind: 'unattached volume', id: 'vol-1', region: 'us-east-1', detail: '500 GiB gp2', estimatedMonthlyCost: 50 }],
      },
      review: reviewData(),
      ...over,
    }),
  );

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const accounts = [{ account: '123456789012', name: null, amount: 1524.5, previous: 1002, changePct: 52.1 }];

describe('cost-report.xlsx', () => {
  it('has the contract sheets in order, each with a bold frozen header', async () => {
    const wb = await read(await renderXlsx(model(), { accounts }));

    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Services',
      'Daily',
      'Accounts',
      'Categories',
      'Tags',
      'Waste',
      'Allocation',
      'Rightsizing',
      'Budgets',
      'Levers',
      'Commitments to buy',
      'Spot',
      'Data transfer',
      'Graviton',
      'Storage class',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('writes amounts as numbers with a currency format and percents as fractions', async () => {
    const wb = await read(await renderXlsx(model(), { accounts }));

    const services = wb.getWorksheet('Services')!;
    const ec2 = services.getRow(2);
    expect(ec2.getCell(1).value).toBe('Amazon EC2');
    expect(ec2.getCell(2).value).toBe(1500.5);
    expect(ec2.getCell(2).numFmt).toBe(currencyFormat('USD'));
    expect(ec2.getCell(5).value).toBeCloseTo(0.501, 3);
    expect(ec2.getCell(5).numFmt).toBe('0.0%');
    const daily = wb.getWorksheet('Daily')!;
    expect(daily.getRow(2).getCell(1).value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(daily.getRow(3).getCell(2).value).toBe(70);
    const summary = wb.getWorksheet('Summary')!;
    const total = summary.getColumn(1).values.indexOf('Total');
    expect(summary.getRow(total).getCell(2).value).toBe(1520.5 + 4);
    expect(summary.getRow(total).getCell(2).numFmt).toBe(currencyFormat('USD'));
  });

  it('fills Categories, Accounts, Tags, Waste, Allocation and Rightsizing from the model', async () => {
    const wb = await read(await renderXlsx(model(), { accounts }));

    const rows = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    expect(rows('Categories')[0]).toEqual(['Compute', 1200, 1000, 0.2, 1000, 1.2]);
    expect(rows('Accounts')).toEqual([['123456789012', '123456789012', 1524.5, 1002, 0.521]]);
    expect(rows('Tags')[0]).toEqual(['team', "'@core", 100, 80, 20, 0.25]);
    expect(rows('Waste')).toEqual([['vol-1', 'unattached volume', 'us-east-1', '500 GiB gp2', 50]]);
    expect(rows('Allocation')[2]?.slice(0, 4)).toEqual(['environment', '(untagged)', 300, 0.194]); // no target: empty cells
    expect(rows('Rightsizing')[0]).toEqual(['123456789012', 'i-0aaa', 'm5.2xlarge', 'modify', 'm5.xlarge', 140.16, 'Rightsizing']);
  });

  it('says in the Rightsizing sheet where an instance that is also a waste finding is counted', async () => {
    const review = reviewData();
    const rightsizing = review.rightsizing.map((r, i) => (i === 0 ? { ...r, countedInWaste: true } : r));
    const wb = await read(await renderXlsx(model({ review: { ...review, rightsizing } }), { accounts }));

    const counted = wb.getWorksheet('Rightsizing')!.getColumn(7).values.slice(1);
    expect(counted).toEqual(['Counted in', 'Waste', ...rightsizing.slice(1).map(() => 'Rightsizing')]);
  });

  it('lists every budget in a Budgets sheet, limit, actual and share used as numbers', async () => {
    const budgets = [
      { name: 'Total', limit: 2000, actual: 1524.5, actualPct: 76.2, accountWide: true },
      {
        name: '=team web',
        account: '210987654321',
        accountName: 'web-prod',
        limit: 500,
        actual: null,
        actualPct: null,
        accountWide: false,
        home: false,
      },
    ];
    const ws = (await read(await renderXlsx(model({ budgets }), { accounts }))).getWorksheet('Budgets')!;

    const rows = ws
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(ws.getRow(1).values).toEqual([undefined, 'Budget', 'Account', 'Account name', 'Covers', 'Limit', 'Actual', 'Used %']);
    expect(rows[0]).toEqual(['Total', undefined, undefined, 'whole account', 2000, 1524.5, 0.762]);
    expect(rows[1]?.slice(0, 5)).toEqual(["'=team web", '210987654321', 'web-prod', 'filtered', 500]);
    expect(typeof ws.getRow(2).getCell(6).value).toBe('number');
    expect(ws.getRow(2).getCell(7).numFmt).toBe('0.0%');
  });

  it('keeps names that look like formulas as text and drops characters XML cannot carry', async () => {
    const wb = await read(await renderXlsx(model(), { accounts }));

    const names = wb.getWorksheet('Services')!.getColumn(1).values.slice(2);
    expect(names).toContain('\'=HYPERLINK("http://x","y")');
    expect(names).toContain('S3bad');
    expect(wb.getWorksheet('Allocation')!.getRow(3).getCell(2).value).toBe("'=cmd|x");
    expect(cellText('+1')).toBe("'+1");
    expect(cellText('plain & <ok>')).toBe('plain & <ok>');
  });

  it('leaves the review sheets with headers only when there is no review', async () => {
    const wb = await read(await renderXlsx(model({ review: undefined, waste: undefined }), { accounts: [] }));

    for (const name of ['Accounts', 'Categories', 'Waste', 'Allocation', 'Rightsizing', 'Levers', 'Spot', 'Graviton']) {
      expect(wb.getWorksheet(name)!.rowCount).toBe(1);
      expect(wb.getWorksheet(name)!.getRow(1).getCell(1).value).toBeTruthy();
    }
  });
});
