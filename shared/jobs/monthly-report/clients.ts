import type { ClientFactories } from '../../aws/client-factories.js';
import { stsClient } from '../../aws/clients/sts.js';
import { organizationsClient } from '../../aws/clients/organizations.js';
import { dynamoClient } from '../../aws/clients/dynamodb.js';
import { secretsClient } from '../../aws/clients/secrets-manager.js';
import { snsClient } from '../../aws/clients/sns.js';
import { costExplorerClient } from '../../aws/clients/cost-explorer.js';
import { s3Client } from '../../aws/clients/s3.js';
import { sesClient } from '../../aws/clients/ses.js';
import { budgetsClient } from '../../aws/clients/budgets.js';
import { cloudWatchClient } from '../../aws/clients/cloudwatch.js';

/** The SDK clients monthly-report builds (the Lambda bundle carries only these): Cost Explorer, S3, SES, budgets, the unit metric. */
export const CLIENTS: Partial<ClientFactories> = {
  sts: stsClient,
  organizations: organizationsClient,
  dynamo: dynamoClient,
  secrets: secretsClient,
  sns: snsClient,
  costExplorer: costExplorerClient,
  s3: s3Client,
  ses: sesClient,
  budgets: budgetsClient,
  cloudWatch: cloudWatchClient,
};
