import type { ClientFactories } from '../../aws/client-factories.js';
import { RUN_CLIENTS } from '../common/clients.js';
import { costExplorerClient } from '../../aws/clients/cost-explorer.js';
import { s3Client } from '../../aws/clients/s3.js';
import { sesClient } from '../../aws/clients/ses.js';
import { budgetsClient } from '../../aws/clients/budgets.js';
import { athenaClient } from '../../aws/clients/athena.js';
import { cloudWatchClient } from '../../aws/clients/cloudwatch.js';

/** The SDK clients monthly-report builds (the Lambda bundle carries only these): Cost Explorer, S3, SES, budgets, the unit metric. */
export const CLIENTS: Partial<ClientFactories> = {
  ...RUN_CLIENTS,
  costExplorer: costExplorerClient,
  s3: s3Client,
  ses: sesClient,
  budgets: budgetsClient,
  cloudWatch: cloudWatchClient,
  athena: athenaClient,
};
