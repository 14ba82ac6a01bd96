import { dailySpendJob } from './daily-spend.js';
import type { JobDefinition, JobName } from './types.js';

export { JOB_NAMES, type JobName } from './types.js';

/**
 * Every job, for the CLI. Lambda handlers import their one job directly so
 * that each bundle holds only the SDK clients that job uses.
 */
export const JOBS: Partial<Record<JobName, JobDefinition>> = {
  'daily-spend': dailySpendJob as unknown as JobDefinition,
};
