import { athenaClient } from './clients/athena.js';
import { autoScalingClient } from './clients/auto-scaling.js';
import { budgetsClient } from './clients/budgets.js';
import { cloudWatchClient } from './clients/cloudwatch.js';
import { costExplorerClient } from './clients/cost-explorer.js';
import { costOptimizationHubClient } from './clients/cost-optimization-hub.js';
import { dynamoClient } from './clients/dynamodb.js';
import { ec2Client } from './clients/ec2.js';
import { elbv2Client } from './clients/elbv2.js';
import { iamClient } from './clients/iam.js';
import { organizationsClient } from './clients/organizations.js';
import { rdsClient } from './clients/rds.js';
import { s3Client } from './clients/s3.js';
import { secretsClient } from './clients/secrets-manager.js';
import { sesClient } from './clients/ses.js';
import { snsClient } from './clients/sns.js';
import { ssmClient } from './clients/ssm.js';
import { stsClient } from './clients/sts.js';
import { taggingClient } from './clients/tagging.js';
import type { ClientFactories } from './client-factories.js';

/** Every factory: for the CLI, benches and tests. A Lambda bundle imports only its job's (see JobDefinition.clients). */
export const ALL_CLIENTS: ClientFactories = {
  athena: athenaClient,
  autoScaling: autoScalingClient,
  budgets: budgetsClient,
  cloudWatch: cloudWatchClient,
  costExplorer: costExplorerClient,
  costOptimizationHub: costOptimizationHubClient,
  dynamo: dynamoClient,
  ec2: ec2Client,
  elbv2: elbv2Client,
  iam: iamClient,
  organizations: organizationsClient,
  rds: rdsClient,
  s3: s3Client,
  secrets: secretsClient,
  ses: sesClient,
  sns: snsClient,
  ssm: ssmClient,
  sts: stsClient,
  tagging: taggingClient,
};
