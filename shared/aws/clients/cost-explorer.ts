import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { GLOBAL_REGION, RETRY } from './config.js';

export const costExplorerClient = () => new CostExplorerClient({ ...RETRY, region: GLOBAL_REGION });
