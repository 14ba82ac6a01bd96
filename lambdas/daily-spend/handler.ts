import { dailySpendJob } from '../../shared/jobs/daily-spend.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(dailySpendJob);
