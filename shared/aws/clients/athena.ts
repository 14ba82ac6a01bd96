import { AthenaClient } from '@aws-sdk/client-athena';
import { defaultRegion, RETRY } from './config.js';

/** Athena runs in the region of its workgroup and Glue catalog: the stack's region, where the job runs. */
export const athenaClient = (region = defaultRegion()) => new AthenaClient({ ...RETRY, region });
