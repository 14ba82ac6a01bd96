import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { CostWatchConfig } from '../../shared/config/index.js';
import type { JobName } from '../../shared/alerts/jobs.js';
import type { JobPermission } from './permissions.js';
import { anomalies, costExplorer, costExplorerReview, unitMetric } from './cost-explorer-permissions.js';
import { readPermissionsOf } from './read-permissions.js';
import { sesSendPermission } from './ses-send.js';
import { FINDINGS_PREFIX } from './findings-prefix.js';
import { ownershipReads } from './ownership-reads.js';
import { leverReads } from './lever-permissions.js';
import { publishTeams } from './team-topics.js';

export { FINDINGS_PREFIX } from './findings-prefix.js';

export { JOB_NAMES, type JobName } from '../../shared/alerts/jobs.js';

/** The stack's resources a job may be granted access to. */
export interface JobResources {
  readonly ledger: ITable;
  readonly alertTopic: ITopic;
  readonly reportTopic: ITopic;
  readonly topicKey: IKey;
  readonly bucket: IBucket;
  /** `report.prefix` from config. */
  readonly reportPrefix: string;
  /** Alert topics of `notify.routes` (not the stack's): each team's own topic. */
  readonly routeTopicArns?: readonly string[];
  /** Alert topics of `ownership.teams`: idle-resources sends a team the findings on its resources. */
  readonly teamTopicArns?: readonly string[];
  /** ARN (pattern) of the Slack bot token secret; present only when `notify.slack` or a route names a Slack channel. */
  readonly slackSecretArn?: string;
  /** `report.email` from config: the finance email goes through SES instead of the report topic. */
  readonly reportEmail?: CostWatchConfig['report']['email'];
  /** `unitCost` from config: the jobs that divide spend by units read the metric. */
  readonly unitCost?: CostWatchConfig['unitCost'];
  /** `dailySpend.anomalies` from config: daily-spend reads AWS Cost Anomaly Detection. */
  readonly anomalies?: boolean;
  /** With `containers`: monthly-report's read access to the export, its Glue table and the Athena workgroup. */
  readonly containers?: readonly JobPermission[];
  /** `report.costOptimizationHub` from config: monthly-report merges Cost Optimization Hub recommendations. */
  readonly costOptimizationHub?: boolean;
}

export interface JobSpec {
  /** Construct id of the job in the stack. */
  readonly id: string;
  /** Key of its EventBridge expression under `schedules` in config. */
  readonly schedule: keyof CostWatchConfig['schedules'];
  /** Longest run expected, with headroom. */
  readonly timeout: Duration;
  readonly description: string;
  /** Everything the job's role may do: the single place job permissions are decided. */
  readonly permissions: (r: JobResources) => JobPermission[];
}

export const ledger = (r: JobResources): JobPermission => ({
  actions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  resources: [r.ledger.tableArn],
  why:
    'Reads which alerts were delivered (BatchGetItem) and claims each new one with a conditional write before sending, so ' +
    'retries and re-runs never send it twice.',
});

export const publish = (topic: ITopic, r: JobResources): JobPermission[] => [
  { actions: ['sns:Publish'], resources: [topic.topicArn], why: 'Publishes its message to the topic.' },
  {
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: [r.topicKey.keyArn],
    why:
      'Publishing to an SSE-KMS topic needs a data key from the topic key; SNS documents kms:GenerateDataKey* for publishers. ' +
      'Limited to the one topic key.',
  },
];

/**
 * The alert topic and every route's topic. A route topic belongs to its team: when it is
 * encrypted with a customer managed key, that key's policy must let the job roles use it.
 */
export const publishAlerts = (r: JobResources): JobPermission[] => [
  ...publish(r.alertTopic, r),
  ...(r.routeTopicArns?.length
    ? [
        {
          actions: ['sns:Publish'],
          resources: [...r.routeTopicArns],
          why: "Publishes the alerts notify.routes sends to each team's own topic.",
        },
      ]
    : []),
];

export const slack = (r: JobResources): JobPermission[] =>
  r.slackSecretArn
    ? [
        {
          actions: ['secretsmanager:GetSecretValue'],
          resources: [r.slackSecretArn],
          why: 'Reads the Slack bot token at run time (never via env).',
        },
      ]
    : [];

/** What the waste scan reads in each (account, region), from the table shared with the member-account role (read-permissions.ts). */
export const IDLE_SCAN_READ: readonly JobPermission[] = readPermissionsOf('idle-resources');

export const JOBS: Record<JobName, JobSpec> = {
  'daily-spend': {
    id: 'DailySpend',
    schedule: 'dailySpend',
    timeout: Duration.minutes(2),
    description: 'cost-watch: daily spend spikes from Cost Explorer',
    permissions: (r) => [costExplorer, ...anomalies(r), ...unitMetric(r), ledger(r), ...publishAlerts(r), ...slack(r)],
  },
  'idle-resources': {
    id: 'IdleResources',
    schedule: 'idleResources',
    // Every enabled region when idle.regions is "all": describe calls plus CPU metrics per instance.
    timeout: Duration.minutes(10),
    description: 'cost-watch: waste (idle, stopped and unattached resources) with monthly cost',
    permissions: (r) => [
      ...IDLE_SCAN_READ,
      {
        actions: ['ec2:DescribeRegions'],
        resources: ['*'],
        why: 'Resolves idle.regions "all" to the enabled regions; EC2 Describe* actions only accept Resource "*".',
      },
      {
        actions: ['s3:PutObject'],
        resources: [r.bucket.arnForObjects(`${FINDINGS_PREFIX}idle-resources/*`)],
        why: "Writes its findings under the job's own findings/idle-resources/ prefix; object keys carry the run date.",
      },
      ...ownershipReads(r),
      ledger(r),
      ...publishAlerts(r),
      ...publishTeams(r),
      ...slack(r),
    ],
  },
  budgets: {
    id: 'Budgets',
    schedule: 'budgets',
    timeout: Duration.minutes(2),
    description: 'cost-watch: budget thresholds crossed (actual and forecast)',
    // sts:GetCallerIdentity (default budgets.accountId) needs no permission.
    permissions: (r) => [...readPermissionsOf('budgets'), ledger(r), ...publishAlerts(r), ...slack(r)],
  },
  'monthly-report': {
    id: 'MonthlyReport',
    schedule: 'monthlyReport',
    timeout: Duration.minutes(5),
    description: 'cost-watch: monthly finance report to S3 and the report topic',
    permissions: (r) => [
      costExplorer,
      costExplorerReview,
      ...leverReads(r),
      ...unitMetric(r),
      ...readPermissionsOf('monthly-report'),
      {
        actions: ['s3:GetObject'],
        resources: [r.bucket.arnForObjects(`${FINDINGS_PREFIX}*`)],
        why: "Reads the month's findings written by the other jobs, under findings/ only.",
      },
      {
        actions: ['s3:ListBucket'],
        resources: [r.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${FINDINGS_PREFIX}*`] } },
        why: 'Lists findings; the s3:prefix condition limits listing to findings/.',
      },
      {
        // No GetObject: Lambda's role credentials do not say when they expire, so the job signs no link there (shared/report/link.ts).
        actions: ['s3:PutObject'],
        resources: [r.bucket.arnForObjects(`${r.reportPrefix}*`)],
        why: 'Writes the report objects under report.prefix (one folder per month).',
      },
      ...(r.containers ?? []),
      ledger(r),
      ...(r.reportEmail ? [sesSendPermission(r.reportEmail)] : publish(r.reportTopic, r)),
    ],
  },
};
