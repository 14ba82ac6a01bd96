import type { ClientFactories } from '../../aws/client-factories.js';
import { RUN_CLIENTS } from '../common/clients.js';
import { costExplorerClient } from '../../aws/clients/cost-explorer.js';
import { s3Client } from '../../aws/clients/s3.js';
import { sesClient } from '../../aws/clients/ses.js';
import { budgetsClient } from '../../aws/clients/budgets.js';
import { athenaClient } from '../../aws/clients/athena.js';
import { cloudWatchClient } from '../../aws/clients/cloudwatch.js';
import { costOptimizationHubClient } from '../../aws/clients/cost-optimization-hub.js';
import { ec2Client } from '../../aws/clients/ec2.js';
import { rdsClient } from '../../aws/clients/rds.js';

/**
 * The SDK clients monthly-report builds (the Lambda bundle carries only these): Cost Explorer, S3, SES, budgets,
 * CloudWatch (unit metric, bucket sizes), EC2, RDS, Cost Optimization Hub.
 */
export const CLIENTS: Partial<ClientFactories> = {
  ...RUN_CLIENTS,
  costExplorer: costExplorerClient,
  s3: s3Client,
  ses: sesClient,
  budgets: budgetsClient,
  cloudWatch: cloudWatchClient,
  athena: athenaClient,
  // The savings levers: Graviton candidates (EC2, RDS) and Cost Optimization Hub.
  ec2: ec2Client,
  rds: rdsClient,
  costOptimizationHub: costOptimizationHubClient,
};
