import type { ClientFactories } from '../../aws/client-factories.js';
import { stsClient } from '../../aws/clients/sts.js';
import { organizationsClient } from '../../aws/clients/organizations.js';
import { dynamoClient } from '../../aws/clients/dynamodb.js';
import { secretsClient } from '../../aws/clients/secrets-manager.js';
import { snsClient } from '../../aws/clients/sns.js';
import { budgetsClient } from '../../aws/clients/budgets.js';

/** The SDK clients the budgets job builds (the Lambda bundle carries only these). */
export const CLIENTS: Partial<ClientFactories> = {
  sts: stsClient,
  organizations: organizationsClient,
  dynamo: dynamoClient,
  secrets: secretsClient,
  sns: snsClient,
  budgets: budgetsClient,
};
