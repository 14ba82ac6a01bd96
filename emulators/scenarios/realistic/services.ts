/**
 * The usage side of a mid-sized account, shaped like a real bill: production runs every day,
 * development and staging are stopped at weekends (so EC2 and Lambda on a Monday are about +80 %
 * on the Sunday), a few services grow, small ones are noisy, and hosted zones bill on the 1st.
 */
export interface ServiceProfile {
  readonly service: string;
  readonly usageType: string;
  /** Every day, at the scenario's start. */
  readonly always: number;
  /** Added Monday to Friday only (development and staging environments). */
  readonly weekdays: number;
  /** Relative daily noise (standard deviation). */
  readonly noise: number;
  /** Growth per 30 days, as a fraction. */
  readonly growth: number;
  /** Usage billed once a month, on the 1st (hosted zones). */
  readonly monthly?: number;
}

export const EC2 = 'Amazon Elastic Compute Cloud - Compute';
export const RDS = 'Amazon Relational Database Service';
export const S3 = 'Amazon Simple Storage Service';
export const DYNAMODB = 'Amazon DynamoDB';
export const CLOUDFRONT = 'Amazon CloudFront';
export const LAMBDA = 'AWS Lambda';
export const ROUTE53 = 'Amazon Route 53';
export const SAGEMAKER = 'Amazon SageMaker';

export const SERVICES: readonly ServiceProfile[] = [
  { service: EC2, usageType: 'USE1-BoxUsage:m5.xlarge', always: 330, weekdays: 270, noise: 0.03, growth: 0.06 },
  { service: RDS, usageType: 'USE1-InstanceUsage:db.r6g.large', always: 150, weekdays: 30, noise: 0.02, growth: 0.02 },
  { service: S3, usageType: 'USE1-TimedStorage-ByteHrs', always: 80, weekdays: 0, noise: 0.02, growth: 0.05 },
  { service: DYNAMODB, usageType: 'USE1-ReadRequestUnits', always: 60, weekdays: 0, noise: 0.04, growth: 0.03 },
  { service: 'Amazon Virtual Private Cloud', usageType: 'USE1-NatGateway-Bytes', always: 28, weekdays: 8, noise: 0.06, growth: 0 },
  { service: CLOUDFRONT, usageType: 'US-DataTransfer-Out-Bytes', always: 24, weekdays: 8, noise: 0.06, growth: 0.04 },
  { service: 'AmazonCloudWatch', usageType: 'USE1-CW:MetricMonitorUsage', always: 25, weekdays: 0, noise: 0.04, growth: 0.01 },
  { service: 'Elastic Load Balancing', usageType: 'USE1-LoadBalancerUsage', always: 22, weekdays: 0, noise: 0.02, growth: 0 },
  { service: LAMBDA, usageType: 'USE1-Lambda-GB-Second', always: 20, weekdays: 26, noise: 0.06, growth: 0.05 },
  { service: 'AWS Glue', usageType: 'USE1-ETL-DPU-Hour', always: 3, weekdays: 5, noise: 0.35, growth: 0 },
  { service: 'Amazon Simple Queue Service', usageType: 'USE1-Requests-Tier1', always: 4, weekdays: 0, noise: 0.15, growth: 0 },
  { service: 'AWS Key Management Service', usageType: 'USE1-KMS-Requests', always: 3, weekdays: 0, noise: 0.1, growth: 0 },
  { service: 'Amazon Athena', usageType: 'USE1-DataScannedInTB', always: 1, weekdays: 3, noise: 0.6, growth: 0 },
  { service: ROUTE53, usageType: 'DNS-Queries', always: 1.5, weekdays: 0, noise: 0.05, growth: 0, monthly: 55 },
];
