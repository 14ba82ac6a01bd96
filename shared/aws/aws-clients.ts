import type { BudgetsClient } from '@aws-sdk/client-budgets';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { STSClient } from '@aws-sdk/client-sts';
import { budgetsClient } from './clients/budgets.js';
import { cloudWatchClient } from './clients/cloudwatch.js';
import { defaultRegion, type ScopeCredentials } from './clients/config.js';
import { costExplorerClient } from './clients/cost-explorer.js';
import { dynamoClient } from './clients/dynamodb.js';
import { ec2Client } from './clients/ec2.js';
import { elbv2Client } from './clients/elbv2.js';
import { organizationsClient } from './clients/organizations.js';
import { rdsClient } from './clients/rds.js';
import { s3Client } from './clients/s3.js';
import { secretsClient } from './clients/secrets-manager.js';
import { sesClient } from './clients/ses.js';
import { snsClient } from './clients/sns.js';
import { stsClient } from './clients/sts.js';

/** Another account of the organization, reached through its assumed role. Omitted: the job's own account and credentials. */
export interface MemberAccess {
  readonly account: string;
  readonly credentials: ScopeCredentials;
}

/**
 * Every SDK client a job uses, one typed method each, built on first use and
 * then reused: a warm Lambda reuses them across invocations. One factory per
 * client (each in its own module under clients/), so a client is always built
 * the same way whoever asks first. Clients of member accounts are keyed by
 * account as well as region.
 */
export class AwsClients {
  private readonly cache = new Map<string, unknown>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  private memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  costExplorer(): CostExplorerClient {
    return this.memo('costexplorer', costExplorerClient);
  }
  organizations(): OrganizationsClient {
    return this.memo('organizations', organizationsClient);
  }
  sts(): STSClient {
    return this.memo('sts', () => stsClient());
  }
  s3(): S3Client {
    return this.memo('s3', () => s3Client(defaultRegion(this.env), this.env));
  }
  dynamo(): DynamoDBClient {
    return this.memo('dynamodb', () => dynamoClient());
  }
  secrets(): SecretsManagerClient {
    return this.memo('secretsmanager', () => secretsClient());
  }
  sns(region = defaultRegion()): SNSClient {
    return this.memo(`sns:${region}`, () => snsClient(region));
  }
  ses(region: string): SESClient {
    return this.memo(`ses:${region}`, () => sesClient(region));
  }
  budgets(member?: MemberAccess): BudgetsClient {
    return this.memo(`budgets:${member?.account ?? 'home'}`, () => budgetsClient(member?.credentials));
  }
  cloudWatch(region: string, member?: MemberAccess): CloudWatchClient {
    return this.memo(`cloudwatch:${member?.account ?? 'home'}:${region}`, () => cloudWatchClient(region, member?.credentials));
  }
  ec2(region: string, member?: MemberAccess): EC2Client {
    return this.memo(`ec2:${member?.account ?? 'home'}:${region}`, () => ec2Client(region, member?.credentials));
  }
  elbv2(region: string, member?: MemberAccess): ElasticLoadBalancingV2Client {
    return this.memo(`elbv2:${member?.account ?? 'home'}:${region}`, () => elbv2Client(region, member?.credentials));
  }
  rds(region: string, member?: MemberAccess): RDSClient {
    return this.memo(`rds:${member?.account ?? 'home'}:${region}`, () => rdsClient(region, member?.credentials));
  }
}
