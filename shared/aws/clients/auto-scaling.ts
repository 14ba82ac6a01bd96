import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { RETRY, type ScopeCredentials } from './config.js';

export const autoScalingClient = (region: string, credentials?: ScopeCredentials) =>
  new AutoScalingClient({ ...RETRY, region, credentials });
