import { budgetsJob } from '../../shared/jobs/budgets.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(budgetsJob);
