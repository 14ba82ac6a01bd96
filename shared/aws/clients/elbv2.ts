import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RETRY } from './config.js';

export const elbv2Client = (region: string) => new ElasticLoadBalancingV2Client({ ...RETRY, region });
