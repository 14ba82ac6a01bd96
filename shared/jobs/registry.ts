import type { JobDefinition, JobResult } from './common/types.js';
import type { JobName } from '../alerts/jobs.js';

// Each job knows its own result type; the CLI only needs the common shape.
const erase = <R extends JobResult>(job: JobDefinition<R>) => job as unknown as JobDefinition;

/**
 * Every job, for the CLI, loaded on demand: `--help` and a usage error answer
 * without loading any SDK client, and a run loads only its own job. Lambda
 * handlers import their one job directly for the same reason.
 */
export const JOBS: Record<JobName, () => Promise<JobDefinition>> = {
  'daily-spend': async () => erase((await import('./daily-spend/job.js')).dailySpendJob),
  'idle-resources': async () => erase((await import('./idle-resources/job.js')).idleResourcesJob),
  budgets: async () => erase((await import('./budgets/job.js')).budgetsJob),
  'monthly-report': async () => erase((await import('./monthly-report/job.js')).monthlyReportJob),
};
