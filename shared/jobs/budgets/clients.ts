import type { ClientFactories } from '../../aws/client-factories.js';
import { RUN_CLIENTS } from '../common/clients.js';
import { budgetsClient } from '../../aws/clients/budgets.js';
import { autoScalingClient } from '../../aws/clients/auto-scaling.js';
import { ec2Client } from '../../aws/clients/ec2.js';
import { iamClient } from '../../aws/clients/iam.js';
import { rdsClient } from '../../aws/clients/rds.js';
import { ssmClient } from '../../aws/clients/ssm.js';

/** The SDK clients the budgets job builds (the Lambda bundle carries only these). */
export const CLIENTS: Partial<ClientFactories> = {
  ...RUN_CLIENTS,
  budgets: budgetsClient,
  // Budget actions: plan, apply and restore (EC2, RDS, Auto Scaling, SSM, IAM; Organizations is in RUN_CLIENTS).
  ec2: ec2Client,
  rds: rdsClient,
  autoScaling: autoScalingClient,
  ssm: ssmClient,
  iam: iamClient,
};
