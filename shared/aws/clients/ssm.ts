import { SSMClient } from '@aws-sdk/client-ssm';
import { RETRY, type ScopeCredentials } from './config.js';

export const ssmClient = (region: string, credentials?: ScopeCredentials) => new SSMClient({ ...RETRY, region, credentials });
