export * from './clients.js';
export { errorMessage, explainAwsError, isAccessDenied } from './errors.js';
export { EXCLUDE_CREDITS, queryCosts, type CostBucket, type CostQuery, type CostQueryResult } from './cost-explorer.js';
