import type { ClientFactories } from '../../aws/client-factories.js';
import { RUN_CLIENTS } from '../common/clients.js';
import { ec2Client } from '../../aws/clients/ec2.js';
import { cloudWatchClient } from '../../aws/clients/cloudwatch.js';
import { elbv2Client } from '../../aws/clients/elbv2.js';
import { rdsClient } from '../../aws/clients/rds.js';
import { s3Client } from '../../aws/clients/s3.js';
import { taggingClient } from '../../aws/clients/tagging.js';
import { costExplorerClient } from '../../aws/clients/cost-explorer.js';

/** The SDK clients idle-resources builds (the Lambda bundles carry only these): the listings, metrics and the run store in S3. */
export const CLIENTS: Partial<ClientFactories> = {
  ...RUN_CLIENTS,
  ec2: ec2Client,
  cloudWatch: cloudWatchClient,
  elbv2: elbv2Client,
  rds: rdsClient,
  s3: s3Client,
  tagging: taggingClient,
  costExplorer: costExplorerClient,
};
