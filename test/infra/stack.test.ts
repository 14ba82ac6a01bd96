import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOBS, JOB_NAMES } from '../../infra/constructs/index.js';
import { parseConfig } from '../../shared/config/index.js';
import { FULL_CONFIG, functionIdOf, logicalIdOf, synthStack, SYNTH_TIMEOUT } from './app-fixture.js';

const JOB_IDS = JOB_NAMES.map((name) => JOBS[name].id);
const DEFAULT_SCHEDULES = parseConfig({}).schedules;

describe('cost-watch stack', { timeout: SYNTH_TIMEOUT }, () => {
  // One real synth, esbuild and CDK's CloudFormation validation included, shared by every test in this file.
  let template: Template;
  let assemblyDir: string;
  beforeAll(() => {
    const synth = synthStack({ config: FULL_CONFIG, bundle: true, cfnValidation: true });
    template = synth.template;
    assemblyDir = synth.app.synth().directory;
  }, 2 * SYNTH_TIMEOUT); // plus four esbuild runs, each started through npx

  describe('jobs', () => {
    it('runs four job functions (and the Slack actions endpoint) on arm64 with the Node.js 24 runtime, JSON logs and 256 MB', () => {
      template.resourceCountIs('AWS::Lambda::Function', 5); // FULL_CONFIG has Slack: the actions endpoint is the fifth
      template.allResourcesProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 256,
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: Match.anyValue() },
      });
      // Only the public endpoint reserves concurrency (see test/infra/slack-actions.test.ts); the jobs never do.
      for (const id of JOB_IDS)
        expect(
          template.findResources('AWS::Lambda::Function')[functionIdOf(template, id)]!.Properties.ReservedConcurrentExecutions,
        ).toBeUndefined();
    });

    it('bundles each job into one minified ESM file without a source map', () => {
      for (const id of JOB_IDS) {
        const fn = template.findResources('AWS::Lambda::Function')[functionIdOf(template, id)]!;
        const hash = (fn.Properties.Code.S3Key as string).replace(/\.zip$/, '');
        const bundle = join(assemblyDir, `asset.${hash}`, 'index.mjs');

        expect(existsSync(bundle), `${id} bundle at ${bundle}`).toBe(true);
        const code = readFileSync(bundle, 'utf8');
        expect(code.startsWith('import { createRequire }')).toBe(true);
        expect(code).not.toContain('sourceMappingURL');
        expect(existsSync(`${bundle}.map`)).toBe(false);
        // monthly-report is the largest (about 2.8 MiB): the savings levers read EC2, RDS and Cost Optimization Hub.
        expect(statSync(bundle).size).toBeLessThan(3 * 1024 * 1024);
      }
    });

    it("passes CDK's built-in CloudFormation validation", () => {
      const report = JSON.parse(readFileSync(join(assemblyDir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { violations?: unknown[] }[];
      };

      expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
    });

    it('gives each function its own log group kept for one month', () => {
      template.resourceCountIs('AWS::Logs::LogGroup', 5);
      template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    it('schedules each job with its expression from config', () => {
      template.resourceCountIs('AWS::Events::Rule', 4);
      for (const name of JOB_NAMES) {
        const { id, schedule } = JOBS[name];
        template.hasResourceProperties('AWS::Events::Rule', {
          ScheduleExpression: DEFAULT_SCHEDULES[schedule],
          State: 'ENABLED',
          Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionIdOf(template, id), 'Arn'] } })],
        });
      }
    });

    it('sends failed async invocations of every function to its own queue after two retries', () => {
      for (const id of JOB_IDS) {
        const queueId = logicalIdOf(template, 'AWS::SQS::Queue', `${id}DeadLetterQueue`);
        template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: functionIdOf(template, id) },
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
        });
      }
    });

    it('encrypts the dead-letter queues, keeps messages 14 days and refuses plain HTTP', () => {
      template.resourceCountIs('AWS::SQS::Queue', 4);
      template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      template.resourceCountIs('AWS::SQS::QueuePolicy', 4);
      template.allResourcesProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });

    it('alarms on any error of every function, notifying the alert topic', () => {
      const alertTopic = { Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsAlertTopic') };
      for (const id of JOB_IDS) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: 'Errors',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionIdOf(template, id) } }],
          Statistic: 'Sum',
          Threshold: 1,
          EvaluationPeriods: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [alertTopic],
        });
      }
    });

    it('alarms when a dead-letter queue holds a message, notifying the alert topic', () => {
      const alertTopic = { Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsAlertTopic') };
      for (const id of JOB_IDS) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [
            { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::SQS::Queue', `${id}DeadLetterQueue`), 'QueueName'] } },
          ],
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [alertTopic],
        });
      }
      template.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    });
  });

  describe('ledger table', () => {
    it('has the partition key pk only, on demand, with point-in-time recovery and TTL on expiresAt', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    });

    it('is retained when the stack is deleted', () => {
      template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });
  });

  describe('report bucket', () => {
    it('is encrypted, blocks all public access and logs access to a separate bucket', () => {
      const logBucket = logicalIdOf(template, 'AWS::S3::Bucket', 'ReportsAccessLogs');
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: logBucket }, LogFilePrefix: 'report-bucket/' },
        VersioningConfiguration: { Status: 'Enabled' },
      });
    });

    it('refuses requests without TLS', () => {
      const bucket = logicalIdOf(template, 'AWS::S3::Bucket', 'ReportsBucket');
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('moves reports to Infrequent Access after 30 days and Glacier IR after 90, and expires findings after 400', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({
              Prefix: 'reports/',
              Status: 'Enabled',
              Transitions: [
                { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
                { StorageClass: 'GLACIER_IR', TransitionInDays: 90 },
              ],
            }),
            Match.objectLike({ Prefix: 'findings/', Status: 'Enabled', ExpirationInDays: 400 }),
          ]),
        },
      });
    });
  });

  describe('topics', () => {
    it('encrypts both topics with one customer-managed key that rotates', () => {
      const key = logicalIdOf(template, 'AWS::KMS::Key', 'NotificationsKey');
      template.resourceCountIs('AWS::SNS::Topic', 2);
      template.allResourcesProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] } });
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('lets CloudWatch alarms and EventBridge use the topic key', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            }),
          ]),
        },
      });
    });

    it('refuses publishing without TLS on both topics and admits CloudWatch alarms to the alert topic', () => {
      template.resourceCountIs('AWS::SNS::TopicPolicy', 2);
      template.allResourcesProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsAlertTopic') }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
          ]),
        },
      });
    });

    it('subscribes each finance email from config to the report topic', () => {
      const reportTopic = { Ref: logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsReportTopic') };
      template.resourceCountIs('AWS::SNS::Subscription', 2);
      for (const email of ['finance@example.com', 'cfo@example.com'])
        template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: email, TopicArn: reportTopic });
    });
  });

  describe('job environment', () => {
    const environments = () =>
      Object.values(template.findResources('AWS::Lambda::Function')).map(
        (fn) => fn.Properties.Environment.Variables as Record<string, unknown>,
      );

    it('passes every job the validated config with the stack resource names filled in', () => {
      const fakes: Record<string, string> = {
        [logicalIdOf(template, 'AWS::DynamoDB::Table', 'Ledger')]: 'cost-watch-ledger-x1',
        [logicalIdOf(template, 'AWS::S3::Bucket', 'ReportsBucket')]: 'cost-watch-reports-x1',
        [logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsAlertTopic')]: 'arn:aws:sns:us-east-1:123456789012:alerts-x1',
        [logicalIdOf(template, 'AWS::SNS::Topic', 'NotificationsReportTopic')]: 'arn:aws:sns:us-east-1:123456789012:reports-x1',
      };

      for (const env of environments()) {
        expect(Object.keys(env)).toEqual(['COST_WATCH_CONFIG']);
        const config = parseConfig(JSON.parse(renderJoin(env.COST_WATCH_CONFIG, fakes)));

        expect(config.ledgerTable).toBe('cost-watch-ledger-x1');
        expect(config.report.bucket).toBe('cost-watch-reports-x1');
        expect(config.notify.alertTopicArn).toBe('arn:aws:sns:us-east-1:123456789012:alerts-x1');
        expect(config.notify.reportTopicArn).toBe('arn:aws:sns:us-east-1:123456789012:reports-x1');
        expect(config.report.emails).toEqual(['finance@example.com', 'cfo@example.com']);
        expect(config.notify.slack).toEqual({ channel: '#cost-alerts', tokenSecretId: 'cost-watch/slack-bot-token' });
      }
    });

    it('never carries the Slack token, a secret reference or an unresolved CDK token', () => {
      const text = JSON.stringify(environments());

      expect(text).not.toMatch(/SLACK_BOT_TOKEN|xox[abp]-|resolve:secretsmanager|\$\{Token\[/);
      expect(text).not.toContain('NODE_OPTIONS');
    });
  });
});

/** Renders an Fn::Join the way CloudFormation would, with `values` for each Ref. */
function renderJoin(value: unknown, values: Record<string, string>): string {
  if (typeof value === 'string') return value;
  const obj = value as { 'Fn::Join'?: [string, unknown[]]; Ref?: string };
  if (obj.Ref !== undefined) {
    const resolved = values[obj.Ref];
    if (resolved === undefined) throw new Error(`unexpected Ref ${obj.Ref} in the environment`);
    return resolved;
  }
  if (obj['Fn::Join']) return obj['Fn::Join'][1].map((v) => renderJoin(v, values)).join(obj['Fn::Join'][0]);
  throw new Error(`unexpected intrinsic in the environment: ${JSON.stringify(value)}`);
}
