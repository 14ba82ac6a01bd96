import { monthlyReportJob } from '../../shared/jobs/monthly-report.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(monthlyReportJob);
