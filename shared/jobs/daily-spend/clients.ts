import type { ClientFactories } from '../../aws/client-factories.js';
import { RUN_CLIENTS } from '../common/clients.js';
import { costExplorerClient } from '../../aws/clients/cost-explorer.js';
import { cloudWatchClient } from '../../aws/clients/cloudwatch.js';

/** The SDK clients daily-spend builds (the Lambda bundle carries only these): accounts, ledger, alerts, Cost Explorer, the unit metric. */
export const CLIENTS: Partial<ClientFactories> = {
  ...RUN_CLIENTS,
  costExplorer: costExplorerClient,
  cloudWatch: cloudWatchClient,
};
