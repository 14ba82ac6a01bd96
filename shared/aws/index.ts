export * from './clients.js';
export { errorMessage, explainAwsError, isAccessDenied } from './errors.js';
export { dailyUnits, type DailyUnits } from './unit-metric.js';
export { EXCLUDE_CREDITS, queryCosts, type CostBucket, type CostQuery, type CostQueryResult } from './cost-explorer.js';
