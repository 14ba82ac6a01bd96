import type { ClientFactories } from '../../aws/client-factories.js';
import { dynamoClient } from '../../aws/clients/dynamodb.js';
import { organizationsClient } from '../../aws/clients/organizations.js';
import { secretsClient } from '../../aws/clients/secrets-manager.js';
import { snsClient } from '../../aws/clients/sns.js';
import { stsClient } from '../../aws/clients/sts.js';

/** What every job builds: its accounts (STS, Organizations), the ledger (DynamoDB) and its alerts (Secrets Manager, SNS). */
export const RUN_CLIENTS: Partial<ClientFactories> = {
  sts: stsClient,
  organizations: organizationsClient,
  dynamo: dynamoClient,
  secrets: secretsClient,
  sns: snsClient,
};
