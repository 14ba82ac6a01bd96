import type { ReportData } from '../../shared/report/model.js';

/** A closed March 2026 report's data; tests override what they are about. */
export function reportData(over: Partial<ReportData> = {}): ReportData {
  return {
    month: '2026-03',
    currency: 'USD',
    metric: 'UnblendedCost',
    generatedAt: '2026-04-03T09:00:00.000Z',
    through: '2026-03-31',
    partial: false,
    estimated: false,
    current: new Map(),
    previous: new Map(),
    daily: new Map(),
    tags: [],
    budgets: [],
    ...over,
  };
}
