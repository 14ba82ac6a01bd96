import { RDSClient } from '@aws-sdk/client-rds';
import { RETRY } from './config.js';

export const rdsClient = (region: string) => new RDSClient({ ...RETRY, region });
