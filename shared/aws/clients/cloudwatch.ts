import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RETRY, type ScopeCredentials } from './config.js';

export const cloudWatchClient = (region: string, credentials?: ScopeCredentials) => new CloudWatchClient({ ...RETRY, region, credentials });
