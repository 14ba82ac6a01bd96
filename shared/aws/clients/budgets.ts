import { BudgetsClient } from '@aws-sdk/client-budgets';
import { GLOBAL_REGION, RETRY, type ScopeCredentials } from './config.js';

export const budgetsClient = (credentials?: ScopeCredentials) => new BudgetsClient({ ...RETRY, region: GLOBAL_REGION, credentials });
