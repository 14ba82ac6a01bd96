import type { AthenaClient } from '@aws-sdk/client-athena';
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { BudgetsClient } from '@aws-sdk/client-budgets';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { CostOptimizationHubClient } from '@aws-sdk/client-cost-optimization-hub';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { STSClient } from '@aws-sdk/client-sts';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { ClientFactories } from './client-factories.js';
import { defaultRegion, type ScopeCredentials } from './clients/config.js';

/** Another account of the organization, reached through its assumed role. Omitted: the job's own account and credentials. */
export interface MemberAccess {
  readonly account: string;
  readonly credentials: ScopeCredentials;
  /** The role assumed, when not the read role: a budget action's clients never share the read role's. */
  readonly role?: string;
}

/** Whose clients: the home account's own, or a member account's through one role. */
const who = (member?: MemberAccess) => (member ? `${member.account}${member.role ? `@${member.role}` : ''}` : 'home');

/**
 * Every SDK client a job uses, one typed method each, built on first use and
 * then reused: a warm Lambda reuses them across invocations. One factory per
 * client (each in its own module under clients/), so a client is always built
 * the same way whoever asks first. Clients of member accounts are keyed by
 * account as well as region.
 */
export class AwsClients {
  private readonly cache = new Map<string, unknown>();

  /** `factories`: the clients this run may build (a job's own list in a Lambda bundle, ALL_CLIENTS in the CLI). */
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly factories: Partial<ClientFactories>,
  ) {}

  private factory<K extends keyof ClientFactories>(name: K): ClientFactories[K] {
    const make = this.factories[name];
    if (!make) throw new Error(`AwsClients: no ${name} client factory was given (add it to the job's clients list)`);
    return make;
  }

  private memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  athena(): AthenaClient {
    return this.memo('athena', () => this.factory('athena')(defaultRegion(this.env)));
  }
  costExplorer(): CostExplorerClient {
    return this.memo('costexplorer', this.factory('costExplorer'));
  }
  costOptimizationHub(): CostOptimizationHubClient {
    return this.memo('costoptimizationhub', this.factory('costOptimizationHub'));
  }
  /** `member`: the home account through the actions role (Organizations answers only in the management account). */
  organizations(member?: MemberAccess): OrganizationsClient {
    return this.memo(`organizations:${who(member)}`, () => this.factory('organizations')(member?.credentials));
  }
  sts(): STSClient {
    return this.memo('sts', () => this.factory('sts')());
  }
  /** The job's region by default; a bucket's own region for calls S3 answers only there (lifecycle). */
  s3(region = defaultRegion(this.env)): S3Client {
    return this.memo(region === defaultRegion(this.env) ? 's3' : `s3:${region}`, () => this.factory('s3')(region, this.env));
  }
  dynamo(): DynamoDBClient {
    return this.memo('dynamodb', () => this.factory('dynamo')());
  }
  secrets(): SecretsManagerClient {
    return this.memo('secretsmanager', () => this.factory('secrets')());
  }
  sns(region = defaultRegion()): SNSClient {
    return this.memo(`sns:${region}`, () => this.factory('sns')(region));
  }
  ses(region: string): SESClient {
    return this.memo(`ses:${region}`, () => this.factory('ses')(region));
  }
  budgets(member?: MemberAccess): BudgetsClient {
    return this.memo(`budgets:${who(member)}`, () => this.factory('budgets')(member?.credentials));
  }
  cloudWatch(region: string, member?: MemberAccess): CloudWatchClient {
    return this.memo(`cloudwatch:${who(member)}:${region}`, () => this.factory('cloudWatch')(region, member?.credentials));
  }
  ec2(region: string, member?: MemberAccess): EC2Client {
    return this.memo(`ec2:${who(member)}:${region}`, () => this.factory('ec2')(region, member?.credentials));
  }
  elbv2(region: string, member?: MemberAccess): ElasticLoadBalancingV2Client {
    return this.memo(`elbv2:${who(member)}:${region}`, () => this.factory('elbv2')(region, member?.credentials));
  }
  ssm(region: string, member?: MemberAccess): SSMClient {
    return this.memo(`ssm:${who(member)}:${region}`, () => this.factory('ssm')(region, member?.credentials));
  }
  autoScaling(region: string, member?: MemberAccess): AutoScalingClient {
    return this.memo(`autoscaling:${who(member)}:${region}`, () => this.factory('autoScaling')(region, member?.credentials));
  }
  iam(member?: MemberAccess): IAMClient {
    return this.memo(`iam:${who(member)}`, () => this.factory('iam')(member?.credentials));
  }
  rds(region: string, member?: MemberAccess): RDSClient {
    return this.memo(`rds:${who(member)}:${region}`, () => this.factory('rds')(region, member?.credentials));
  }
  tagging(region: string, member?: MemberAccess): ResourceGroupsTaggingAPIClient {
    return this.memo(`tagging:${member?.account ?? 'home'}:${region}`, () => this.factory('tagging')(region, member?.credentials));
  }
}
