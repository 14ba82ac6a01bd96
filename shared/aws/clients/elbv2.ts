import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RETRY, type ScopeCredentials } from './config.js';

export const elbv2Client = (region: string, credentials?: ScopeCredentials) =>
  new ElasticLoadBalancingV2Client({ ...RETRY, region, credentials });
