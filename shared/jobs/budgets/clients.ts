import type { ClientFactories } from '../../aws/client-factories.js';
import { RUN_CLIENTS } from '../common/clients.js';
import { budgetsClient } from '../../aws/clients/budgets.js';

/** The SDK clients the budgets job builds (the Lambda bundle carries only these). */
export const CLIENTS: Partial<ClientFactories> = {
  ...RUN_CLIENTS,
  budgets: budgetsClient,
};
