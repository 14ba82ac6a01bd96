/** The waste scan: one scope at a time (scanScope), merged by a pure function (mergeScopeScans). */
export { scanScope, ScopeFailedError, type ScanSettings } from './scan-scope.js';
export { mergeScopeScans, byCost, type RuleTotal, type WasteTotals } from './merge.js';
export { isExempt } from './exemption.js';
export { legacyCounts, type LegacyCounts } from './legacy.js';
export type { ScopeClients } from './listings/index.js';
export { scopeClients } from './clients.js';
export type { Finding, RuleError, RuleSummary, ScopeScan, Unpriced, WasteScope } from './types.js';
