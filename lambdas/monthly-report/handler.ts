import { monthlyReportJob } from '../../shared/jobs/monthly-report/job.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(monthlyReportJob);
