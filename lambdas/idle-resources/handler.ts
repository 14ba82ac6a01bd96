import { idleResourcesJob } from '../../shared/jobs/idle-resources/job.js';
import { jobHandler } from '../runtime.js';

export const handler = jobHandler(idleResourcesJob);
