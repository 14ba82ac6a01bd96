import { budgetsJob } from '../../shared/jobs/budgets/job.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(budgetsJob);
