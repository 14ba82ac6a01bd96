import { Aws } from 'aws-cdk-lib';
import type { JobResources } from './jobs.js';
import type { JobPermission } from './permissions.js';

/** The savings levers read in the stack's account (member accounts: the idle scan's role already allows the same listings). */
export const leverReads = (r: JobResources): JobPermission[] => [
  {
    actions: ['ec2:DescribeInstances', 'ec2:DescribeRegions', 'rds:DescribeDBInstances', 's3:ListAllMyBuckets', 'cloudwatch:GetMetricData'],
    resources: ['*'],
    why: 'Graviton candidates (running instances) and S3 bucket sizes: these Describe/List/GetMetricData actions accept only Resource "*".',
  },
  {
    actions: ['s3:GetBucketLocation', 's3:GetLifecycleConfiguration'],
    resources: [`arn:${Aws.PARTITION}:s3:::*`],
    why: "The storage-class lever checks every bucket of the account for a lifecycle configuration; bucket names are the user's, so the ARN is every bucket.",
  },
  ...(r.costOptimizationHub
    ? [
        {
          actions: ['cost-optimization-hub:ListRecommendations'],
          resources: ['*'],
          why: 'Merges Cost Optimization Hub recommendations (report.costOptimizationHub); the action accepts only Resource "*".',
        },
      ]
    : []),
];
