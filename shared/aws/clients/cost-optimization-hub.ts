import { CostOptimizationHubClient } from '@aws-sdk/client-cost-optimization-hub';
import { GLOBAL_REGION, RETRY } from './config.js';

/** Cost Optimization Hub answers from us-east-1 for the whole account or organization. */
export const costOptimizationHubClient = () => new CostOptimizationHubClient({ ...RETRY, region: GLOBAL_REGION });
