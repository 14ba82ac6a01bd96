import { EC2Client } from '@aws-sdk/client-ec2';
import { RETRY, type ScopeCredentials } from './config.js';

export const ec2Client = (region: string, credentials?: ScopeCredentials) => new EC2Client({ ...RETRY, region, credentials });
