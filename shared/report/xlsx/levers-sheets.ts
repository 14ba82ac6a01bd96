import type { Workbook } from 'exceljs';
import type { AnyLever, LeverItems, LeverName } from '../../review/levers/types.js';
import { DATA_TRANSFER_TITLES, LEVER_TITLES, leverGap, orderedLevers } from '../levers.js';
import type { ReportModel } from '../model.js';
import { fillSheet, fraction, type Cell, type Column } from './format.js';

/**
 * The savings levers in the workbook: a "Levers" sheet (each lever's figure,
 * basis and gap, and the total counted once), then a sheet per lever with
 * every item, amounts as numbers. Rightsizing keeps its own sheet (sheets.ts).
 * "Counted in" names the lever that counts an item's saving when it is not
 * this one, so summing a column never counts a resource twice.
 */

const items = <L extends LeverName>(m: ReportModel, lever: L): Array<LeverItems[L]> => {
  const l = m.review?.levers?.levers.find((x) => x.lever === lever) as { items: Array<LeverItems[L]> } | undefined;
  return l?.items ?? [];
};

/** The lever that counts an item's saving; an alternative purchase for usage another item covers is not counted. */
export const countedIn = (x: { countedIn?: LeverName }, here: LeverName): string =>
  x.countedIn === here ? 'not counted (alternative)' : LEVER_TITLES[x.countedIn ?? here].title;
const source = (x: { source?: string }) => (x.source === 'cost-optimization-hub' ? 'Cost Optimization Hub' : null);
const SAVING: Column = { header: 'Est. monthly savings', kind: 'money', width: 20 };
const COUNTED: Column = { header: 'Counted in', kind: 'text', width: 18 };

function leversSheet(wb: Workbook, m: ReportModel): void {
  const s = m.review?.levers;
  const columns: Column[] = [
    { header: 'Lever', kind: 'text', width: 20 },
    { header: 'Question', kind: 'text', width: 40 },
    SAVING,
    { header: 'Items', kind: 'number', width: 8 },
    { header: 'Gap', kind: 'text', width: 30 },
    { header: 'Basis', kind: 'text', width: 80 },
  ];
  const rows: Cell[][] = (s ? orderedLevers(s) : []).map((l: AnyLever) => [
    LEVER_TITLES[l.lever].title,
    LEVER_TITLES[l.lever].question,
    l.estimatedMonthlySavings,
    l.items.length,
    leverGap(l, m.review)?.message ?? null,
    l.basis,
  ]);
  if (s) rows.push(['Total, each resource counted once', null, s.totalDedupedSavings, null, null, null]);
  fillSheet(wb.addWorksheet('Levers'), columns, rows, m.currency);
}

function commitmentsSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Service', kind: 'text', width: 24 },
    { header: 'Purchase', kind: 'text', width: 48 },
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Region', kind: 'text', width: 12 },
    { header: 'Instance type', kind: 'text', width: 16 },
    { header: 'Quantity', kind: 'number', width: 9 },
    { header: 'Hourly commitment', kind: 'money', width: 18 },
    { header: 'Upfront', kind: 'money' },
    SAVING,
    { header: 'Break-even (months)', kind: 'number', width: 18 },
    { header: 'Usage', kind: 'text', width: 30 },
    COUNTED,
  ];
  const rows = items(m, 'commitments').map((x) => [
    x.service,
    x.purchase,
    x.account ?? 'payer',
    x.region,
    x.instanceType,
    x.quantity,
    x.hourlyCommitment,
    x.upfrontCost,
    x.estimatedMonthlySavings,
    x.breakEvenMonths,
    x.usage,
    countedIn(x, 'commitments'),
  ]);
  fillSheet(wb.addWorksheet('Commitments to buy'), columns, rows, m.currency);
}

function spotSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Environment', kind: 'text', width: 20 },
    { header: 'On-demand spend', kind: 'money', width: 18 },
    SAVING,
    COUNTED,
  ];
  const rows = items(m, 'spot').map((x) => [x.account, x.environment, x.onDemandSpend, x.estimatedMonthlySavings, countedIn(x, 'spot')]);
  fillSheet(wb.addWorksheet('Spot'), columns, rows, m.currency);
}

function dataTransferSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Kind', kind: 'text', width: 22 },
    { header: 'Amount', kind: 'money' },
    { header: 'Previous month', kind: 'money' },
    { header: 'Change %', kind: 'percent', width: 10 },
    { header: 'Finding', kind: 'text', width: 10 },
    { header: 'Top source account', kind: 'text', width: 18 },
    { header: 'Service', kind: 'text', width: 30 },
    { header: 'Usage type', kind: 'text', width: 34 },
    { header: 'Source amount', kind: 'money' },
  ];
  // One row per top source, the kind's figures repeated, so a filter on any column keeps whole rows.
  const rows = items(m, 'data-transfer').flatMap((k) => {
    const head = [DATA_TRANSFER_TITLES[k.kind] ?? k.kind, k.amount, k.previous, fraction(k.changePct), k.severity];
    return k.top.length ? k.top.map((t) => [...head, t.account, t.service, t.usageType, t.amount]) : [[...head, null, null, null, null]];
  });
  fillSheet(wb.addWorksheet('Data transfer'), columns, rows, m.currency);
}

function gravitonSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Region', kind: 'text', width: 12 },
    { header: 'Resource', kind: 'text', width: 12 },
    { header: 'Id', kind: 'text', width: 22 },
    { header: 'Name', kind: 'text', width: 20 },
    { header: 'Current type', kind: 'text', width: 16 },
    { header: 'Graviton type', kind: 'text', width: 16 },
    { header: 'Monthly cost', kind: 'money' },
    { header: 'Graviton monthly cost', kind: 'money', width: 20 },
    SAVING,
    COUNTED,
    { header: 'Source', kind: 'text', width: 22 },
  ];
  const rows = items(m, 'graviton').map((x) => [
    x.account,
    x.region,
    x.resourceType === 'rds-instance' ? 'RDS' : 'EC2',
    x.id,
    x.name,
    x.currentType,
    x.targetType,
    x.monthlyCost,
    x.targetMonthlyCost,
    x.estimatedMonthlySavings,
    countedIn(x, 'graviton'),
    source(x),
  ]);
  fillSheet(wb.addWorksheet('Graviton'), columns, rows, m.currency);
}

function storageSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Region', kind: 'text', width: 12 },
    { header: 'Bucket', kind: 'text', width: 32 },
    { header: 'Standard GiB', kind: 'number', width: 14 },
    { header: 'Monthly cost', kind: 'money' },
    SAVING,
    COUNTED,
  ];
  const rows = items(m, 'storage-class').map((x) => [
    x.account,
    x.region,
    x.bucket,
    Math.round((x.standardBytes / 2 ** 30) * 100) / 100,
    x.monthlyCost,
    x.estimatedMonthlySavings,
    countedIn(x, 'storage-class'),
  ]);
  fillSheet(wb.addWorksheet('Storage class'), columns, rows, m.currency);
}

/** Levers, then one sheet per lever in the review's order (rightsizing's is the Rightsizing sheet). */
export function leverSheets(wb: Workbook, m: ReportModel): void {
  leversSheet(wb, m);
  commitmentsSheet(wb, m);
  spotSheet(wb, m);
  dataTransferSheet(wb, m);
  gravitonSheet(wb, m);
  storageSheet(wb, m);
}
