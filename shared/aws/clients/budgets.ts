import { BudgetsClient } from '@aws-sdk/client-budgets';
import { GLOBAL_REGION, RETRY } from './config.js';

export const budgetsClient = () => new BudgetsClient({ ...RETRY, region: GLOBAL_REGION });
