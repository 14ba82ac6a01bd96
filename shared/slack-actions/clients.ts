import type { ClientFactories } from '../aws/client-factories.js';
import { autoScalingClient } from '../aws/clients/auto-scaling.js';
import { dynamoClient } from '../aws/clients/dynamodb.js';
import { ec2Client } from '../aws/clients/ec2.js';
import { iamClient } from '../aws/clients/iam.js';
import { organizationsClient } from '../aws/clients/organizations.js';
import { rdsClient } from '../aws/clients/rds.js';
import { ssmClient } from '../aws/clients/ssm.js';
import { stsClient } from '../aws/clients/sts.js';

/** What an Approve or Undo click calls (budget actions, through the actions role): the endpoint's bundle carries only these. */
export const BUDGET_ACTION_CLIENTS: Partial<ClientFactories> = {
  autoScaling: autoScalingClient,
  dynamo: dynamoClient,
  ec2: ec2Client,
  iam: iamClient,
  organizations: organizationsClient,
  rds: rdsClient,
  ssm: ssmClient,
  sts: stsClient,
};
