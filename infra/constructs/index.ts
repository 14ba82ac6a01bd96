export { CostWatchFunction, JOB_RUNTIME, PROJECT_ROOT, type CostWatchFunctionProps } from './job-function.js';
export { FINDINGS_PREFIX, JOB_NAMES, JOBS, type JobName, type JobResources, type JobSpec } from './jobs.js';
export { LedgerTable, LEDGER_SCHEMA } from './ledger-table.js';
export { NotificationTopics, type NotificationTopicsProps } from './notification-topics.js';
export { grantPermissions, type JobPermission } from './permissions.js';
export { ReportBucket, type ReportBucketProps } from './report-bucket.js';
export { ScheduledJob, type ScheduledJobProps } from './scheduled-job.js';
