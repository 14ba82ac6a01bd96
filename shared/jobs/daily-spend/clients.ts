import type { ClientFactories } from '../../aws/client-factories.js';
import { stsClient } from '../../aws/clients/sts.js';
import { organizationsClient } from '../../aws/clients/organizations.js';
import { dynamoClient } from '../../aws/clients/dynamodb.js';
import { secretsClient } from '../../aws/clients/secrets-manager.js';
import { snsClient } from '../../aws/clients/sns.js';
import { costExplorerClient } from '../../aws/clients/cost-explorer.js';
import { cloudWatchClient } from '../../aws/clients/cloudwatch.js';

/** The SDK clients daily-spend builds (the Lambda bundle carries only these): accounts, ledger, alerts, Cost Explorer, the unit metric. */
export const CLIENTS: Partial<ClientFactories> = {
  sts: stsClient,
  organizations: organizationsClient,
  dynamo: dynamoClient,
  secrets: secretsClient,
  sns: snsClient,
  costExplorer: costExplorerClient,
  cloudWatch: cloudWatchClient,
};
