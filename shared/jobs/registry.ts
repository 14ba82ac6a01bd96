import { budgetsJob } from './budgets.js';
import { dailySpendJob } from './daily-spend.js';
import { idleResourcesJob } from './idle-resources.js';
import { monthlyReportJob } from './monthly-report.js';
import type { JobDefinition, JobName, JobResult } from './types.js';

export { JOB_NAMES, type JobName } from './types.js';

// Each job knows its own result type; the CLI only needs the common shape.
const erase = <R extends JobResult>(job: JobDefinition<R>) => job as unknown as JobDefinition;

/**
 * Every job, for the CLI. Lambda handlers import their one job directly so
 * that each bundle holds only the SDK clients that job uses.
 */
export const JOBS: Record<JobName, JobDefinition> = {
  'daily-spend': erase(dailySpendJob),
  'idle-resources': erase(idleResourcesJob),
  budgets: erase(budgetsJob),
  'monthly-report': erase(monthlyReportJob),
};
