import { RDSClient } from '@aws-sdk/client-rds';
import { RETRY, type ScopeCredentials } from './config.js';

export const rdsClient = (region: string, credentials?: ScopeCredentials) => new RDSClient({ ...RETRY, region, credentials });
