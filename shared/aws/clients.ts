import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';

/**
 * Client factories. Endpoints are never set here: the SDK reads
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself, so the same code
 * runs against AWS, moto and our Cost Explorer double.
 *
 * Adaptive retry adds client-side rate limiting on throttling, which matters
 * for Cost Explorer (low TPS) and GetMetricData bursts across regions.
 */
const RETRY = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/** Cost Explorer and Budgets are global services served from us-east-1. */
const GLOBAL_REGION = 'us-east-1';

export function defaultRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? GLOBAL_REGION;
}

export const costExplorerClient = () => new CostExplorerClient({ ...RETRY, region: GLOBAL_REGION });
export const budgetsClient = () => new BudgetsClient({ ...RETRY, region: GLOBAL_REGION });
export const stsClient = (region = defaultRegion()) => new STSClient({ ...RETRY, region });
export const snsClient = (region = defaultRegion()) => new SNSClient({ ...RETRY, region });
export const dynamoClient = (region = defaultRegion()) => new DynamoDBClient({ ...RETRY, region });
export const secretsClient = (region = defaultRegion()) => new SecretsManagerClient({ ...RETRY, region });
export const ec2Client = (region: string) => new EC2Client({ ...RETRY, region });
export const cloudWatchClient = (region: string) => new CloudWatchClient({ ...RETRY, region });

/** Emulators serve buckets by path, not by virtual host, whenever an endpoint is set. */
export function s3Client(region = defaultRegion(), env: NodeJS.ProcessEnv = process.env): S3Client {
  const forcePathStyle = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
  return new S3Client({ ...RETRY, region, forcePathStyle });
}

/** Topic ARNs carry their region; publishing must go there, not to the caller's default. */
export function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}
