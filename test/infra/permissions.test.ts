import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_CONFIG, actionsOf, grantsOf, logicalIdOf, statementsOf, synthStack, type Statement, SYNTH_TIMEOUT } from './app-fixture.js';

/** What every job's role holds whatever the job: its own log group and its dead-letter queue. */
const EVERY_JOB = ['logs:CreateLogStream', 'logs:PutLogEvents', 'sqs:SendMessage'];
const LEDGER = ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const PUBLISH = ['kms:Decrypt', 'kms:GenerateDataKey*', 'sns:Publish'];
/** The FinOps review's Cost Explorer reads (monthly-report). */
const REVIEW = [
  'ce:GetSavingsPlansUtilization',
  'ce:GetSavingsPlansCoverage',
  'ce:GetReservationUtilization',
  'ce:GetReservationCoverage',
  'ce:GetRightsizingRecommendation',
];
/** The savings levers: purchase recommendations, Graviton candidates, buckets without lifecycle and their sizes. */
const LEVERS = [
  'ce:GetSavingsPlansPurchaseRecommendation',
  'ce:GetReservationPurchaseRecommendation',
  'ec2:DescribeInstances',
  'ec2:DescribeRegions',
  'rds:DescribeDBInstances',
  's3:ListAllMyBuckets',
  's3:GetBucketLocation',
  's3:GetLifecycleConfiguration',
  'cloudwatch:GetMetricData',
];

const sorted = (...groups: string[][]) => groups.flat().sort();
const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const statementFor = (statements: Statement[], action: string) => statements.find((s) => [s.Action].flat().includes(action));

describe('job permissions', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  beforeAll(() => {
    template = synthStack({ config: FULL_CONFIG }).template;
  }, SYNTH_TIMEOUT);

  it('gives daily-spend Cost Explorer, the ledger, the alert topic and the Slack secret, nothing else', () => {
    expect(actionsOf(template, 'DailySpend')).toEqual(
      sorted(EVERY_JOB, LEDGER, PUBLISH, ['ce:GetCostAndUsage', 'secretsmanager:GetSecretValue']),
    );
  });

  it('gives idle-resources the waste and tag listings, metrics, untagged spend, its findings, the ledger, the alert topic and the Slack secret, nothing else', () => {
    expect(actionsOf(template, 'IdleResources')).toEqual(
      sorted(EVERY_JOB, LEDGER, PUBLISH, [
        'ec2:DescribeInstances',
        'ec2:DescribeVolumes',
        'ec2:DescribeAddresses',
        'ec2:DescribeNatGateways',
        'ec2:DescribeSnapshots',
        'ec2:DescribeImages',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeTags',
        'rds:DescribeDBInstances',
        'tag:GetResources',
        'ec2:DescribeRegions',
        'cloudwatch:GetMetricData',
        'ce:GetCostAndUsage',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'secretsmanager:GetSecretValue',
      ]),
    );
  });

  it('gives budgets ViewBudget, the ledger, the alert topic and the Slack secret, nothing else', () => {
    expect(actionsOf(template, 'Budgets')).toEqual(
      sorted(EVERY_JOB, LEDGER, PUBLISH, ['budgets:ViewBudget', 'secretsmanager:GetSecretValue']),
    );
  });

  it('gives monthly-report Cost Explorer, budgets, findings reads, report writes, the ledger and the report topic, nothing else', () => {
    expect(actionsOf(template, 'MonthlyReport')).toEqual(
      sorted(EVERY_JOB, LEDGER, PUBLISH, REVIEW, LEVERS, [
        'ce:GetCostAndUsage',
        'budgets:ViewBudget',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ]),
    );
  });

  it('publishes the three alerting jobs to the alert topic and monthly-report to the report topic only', () => {
    const alertTopic = { Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsAlertTopic') };
    const reportTopic = { Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsReportTopic') };

    for (const job of ['DailySpend', 'IdleResources', 'Budgets'])
      expect(statementFor(statementsOf(template, job), 'sns:Publish')?.Resource).toEqual(alertTopic);
    expect(statementFor(statementsOf(template, 'MonthlyReport'), 'sns:Publish')?.Resource).toEqual(reportTopic);
  });

  it('limits KMS use to the topic key', () => {
    const key = arn(logicalIdOf(template, 'AWS::KMS::Key', 'NotificationsKey'));

    for (const job of ['DailySpend', 'IdleResources', 'Budgets', 'MonthlyReport'])
      expect(statementFor(statementsOf(template, job), 'kms:Decrypt')?.Resource).toEqual(key);
  });

  it('limits idle-resources S3 writes, reads and listing to findings/idle-resources/', () => {
    const bucket = arn(logicalIdOf(template, 'AWS::S3::Bucket', 'ReportsBucket'));
    const own = { 'Fn::Join': ['', [bucket, '/findings/idle-resources/*']] };

    expect(grantsOf(template, 'IdleResources').filter((g) => g.action.startsWith('s3:'))).toEqual(
      expect.arrayContaining([
        { action: 's3:PutObject', resource: own },
        { action: 's3:GetObject', resource: own },
        { action: 's3:ListBucket', resource: bucket, condition: { StringLike: { 's3:prefix': ['findings/idle-resources/*'] } } },
      ]),
    );
    expect(grantsOf(template, 'IdleResources').filter((g) => g.action.startsWith('s3:'))).toHaveLength(3);
  });

  it('grants tag:GetResources to idle-resources only, on Resource "*" (the action has no resource-level permissions)', () => {
    expect(grantsOf(template, 'IdleResources').filter((g) => g.action === 'tag:GetResources')).toEqual([
      { action: 'tag:GetResources', resource: '*' },
    ]);
    for (const job of ['DailySpend', 'Budgets', 'MonthlyReport']) expect(actionsOf(template, job)).not.toContain('tag:GetResources');
  });

  it('lets monthly-report list and read only findings/ and write only reports/ (no link is signed on Lambda, so no read back)', () => {
    const bucket = arn(logicalIdOf(template, 'AWS::S3::Bucket', 'ReportsBucket'));
    const objects = (prefix: string) => ({ 'Fn::Join': ['', [bucket, `/${prefix}*`]] });

    const s3 = grantsOf(template, 'MonthlyReport').filter((g) => g.action.startsWith('s3:') && !LEVERS.includes(g.action));

    expect(s3).toHaveLength(3);
    expect(s3).toEqual(
      expect.arrayContaining([
        { action: 's3:ListBucket', resource: bucket, condition: { StringLike: { 's3:prefix': ['findings/*'] } } },
        { action: 's3:GetObject', resource: objects('findings/') },
        { action: 's3:PutObject', resource: objects('reports/') },
      ]),
    );
  });

  it("scopes budgets:ViewBudget to this account's budgets", () => {
    expect(statementFor(statementsOf(template, 'Budgets'), 'budgets:ViewBudget')?.Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':budgets::', { Ref: 'AWS::AccountId' }, ':budget/*']],
    });
  });

  it('reads the Slack secret by the name in config, whatever suffix Secrets Manager gave its ARN', () => {
    const resource = statementFor(statementsOf(template, 'DailySpend'), 'secretsmanager:GetSecretValue')?.Resource;

    expect(resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':secretsmanager:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':secret:cost-watch/slack-bot-token-??????',
        ],
      ],
    });
  });

  it('grants no secret access to any job when Slack is not configured', () => {
    const { template: withoutSlack } = synthStack({ config: {} });

    for (const job of ['DailySpend', 'IdleResources', 'Budgets', 'MonthlyReport'])
      expect(actionsOf(withoutSlack, job)).not.toContain('secretsmanager:GetSecretValue');
  });
});
