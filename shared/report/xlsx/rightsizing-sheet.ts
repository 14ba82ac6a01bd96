import type { Workbook } from 'exceljs';
import type { Lever, LeverName } from '../../review/levers/types.js';
import { LEVER_TITLES } from '../levers.js';
import type { ReportModel } from '../model.js';
import { fillSheet, type Column } from './format.js';

/** The rightsizing advice, the right-sizing lever's sheet: where each instance's saving is counted, so nothing counts twice. */
export function rightsizingSheet(wb: Workbook, m: ReportModel): void {
  const columns: Column[] = [
    { header: 'Account', kind: 'text', width: 16 },
    { header: 'Instance', kind: 'text', width: 22 },
    { header: 'Type', kind: 'text' },
    { header: 'Action', kind: 'text', width: 10 },
    { header: 'Target type', kind: 'text' },
    { header: 'Est. monthly savings', kind: 'money', width: 20 },
    // An instance that is also a waste finding is counted there: summing this column with Waste would count it twice.
    // One that another lever saves more on (Graviton) is counted in that lever.
    { header: 'Counted in', kind: 'text', width: 12 },
  ];
  const lever = m.review?.levers?.levers.find((l): l is Lever<'rightsizing'> => l.lever === 'rightsizing');
  const elsewhere = new Map<string, LeverName | undefined>((lever?.items ?? []).map((i) => [i.instanceId, i.countedIn]));
  const rows = (m.review?.rightsizing ?? []).map((r) => {
    const other = elsewhere.get(r.instanceId);
    return [
      r.account,
      r.instanceId,
      r.instanceType,
      r.action,
      r.targetType,
      r.estimatedMonthlySavings,
      r.countedInWaste ? 'Waste' : other && other !== 'rightsizing' ? LEVER_TITLES[other].title : 'Rightsizing',
    ];
  });
  fillSheet(wb.addWorksheet('Rightsizing'), columns, rows, m.currency);
}
