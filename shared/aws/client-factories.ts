import type { athenaClient } from './clients/athena.js';
import type { autoScalingClient } from './clients/auto-scaling.js';
import type { budgetsClient } from './clients/budgets.js';
import type { cloudWatchClient } from './clients/cloudwatch.js';
import type { costExplorerClient } from './clients/cost-explorer.js';
import type { costOptimizationHubClient } from './clients/cost-optimization-hub.js';
import type { dynamoClient } from './clients/dynamodb.js';
import type { ec2Client } from './clients/ec2.js';
import type { elbv2Client } from './clients/elbv2.js';
import type { iamClient } from './clients/iam.js';
import type { organizationsClient } from './clients/organizations.js';
import type { rdsClient } from './clients/rds.js';
import type { s3Client } from './clients/s3.js';
import type { secretsClient } from './clients/secrets-manager.js';
import type { sesClient } from './clients/ses.js';
import type { snsClient } from './clients/sns.js';
import type { ssmClient } from './clients/ssm.js';
import type { stsClient } from './clients/sts.js';
import type { taggingClient } from './clients/tagging.js';

/**
 * The SDK client factories AwsClients builds from. Each job lists the ones it uses
 * (JobDefinition.clients), so that a Lambda bundle carries only its own SDK clients;
 * the CLI, which runs every job, passes ALL_CLIENTS.
 */
export interface ClientFactories {
  readonly athena: typeof athenaClient;
  readonly autoScaling: typeof autoScalingClient;
  readonly budgets: typeof budgetsClient;
  readonly cloudWatch: typeof cloudWatchClient;
  readonly costExplorer: typeof costExplorerClient;
  readonly costOptimizationHub: typeof costOptimizationHubClient;
  readonly dynamo: typeof dynamoClient;
  readonly ec2: typeof ec2Client;
  readonly elbv2: typeof elbv2Client;
  readonly iam: typeof iamClient;
  readonly organizations: typeof organizationsClient;
  readonly rds: typeof rdsClient;
  readonly s3: typeof s3Client;
  readonly secrets: typeof secretsClient;
  readonly ses: typeof sesClient;
  readonly sns: typeof snsClient;
  readonly ssm: typeof ssmClient;
  readonly sts: typeof stsClient;
  readonly tagging: typeof taggingClient;
}
