import { dailySpendJob } from '../../shared/jobs/daily-spend/job.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(dailySpendJob);
