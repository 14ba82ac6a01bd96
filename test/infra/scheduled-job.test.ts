import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, ScheduledJob, type ScheduledJobProps } from '../../infra/constructs/index.js';
import { testApp, SYNTH_TIMEOUT } from './app-fixture.js';

const ENTRY = join(PROJECT_ROOT, 'lambdas', 'daily-spend', 'handler.ts');

/** A stack with one alert topic, and a ScheduledJob factory whose props default to valid ones. */
function fixture() {
  const stack = new Stack(testApp(), 'Test');
  const alarmTopic = new Topic(stack, 'Alerts');
  const job = (overrides: Partial<ScheduledJobProps> = {}) =>
    new ScheduledJob(stack, 'Job', { entry: ENTRY, schedule: Schedule.expression('rate(1 day)'), alarmTopic, ...overrides });
  return { stack, alarmTopic, job };
}

describe('ScheduledJob', { timeout: SYNTH_TIMEOUT }, () => {
  it('creates a function, its schedule, a dead-letter queue and two alarms', () => {
    const { stack, job } = fixture();

    job({ timeout: Duration.minutes(3) });
    const template = Template.fromStack(stack);

    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 180, Architectures: ['arm64'], Runtime: 'nodejs24.x' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
    template.resourceCountIs('AWS::SQS::Queue', 1);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });

  it('sends events EventBridge cannot deliver to the same dead-letter queue', () => {
    const { stack, job } = fixture();

    const created = job();
    const queueArn = stack.resolve(created.deadLetterQueue.queueArn);
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: queueArn } })],
    });
  });

  it('uses the retention, period and retries it is given', () => {
    const { stack, job } = fixture();

    job({ deadLetterRetention: Duration.days(4), alarmPeriod: Duration.minutes(15), retryAttempts: 0 });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 4 * 24 * 3600 });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { Period: 900 });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0 });
  });

  it('can start with its schedule disabled', () => {
    const { stack, job } = fixture();

    job({ enabled: false });

    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { State: 'DISABLED' });
  });

  it('rejects an on-failure destination or dead-letter queue of its own, naming the prop', () => {
    const { stack, job } = fixture();
    const other = new Queue(stack, 'Other');

    expect(() => job({ onFailure: { bind: () => ({ destination: other.queueArn }) } })).toThrow(/cannot set `onFailure`/);
    expect(() => job({ deadLetterQueue: other })).toThrow(/cannot set `deadLetterQueue`/);
    expect(stack.node.tryFindChild('Job')).toBeUndefined();
  });

  it('rejects more than two retries', () => {
    expect(() => fixture().job({ retryAttempts: 3 })).toThrow(/`retryAttempts` must be 0, 1 or 2/);
  });

  it('rejects a dead-letter retention beyond the 14 days SQS allows', () => {
    expect(() => fixture().job({ deadLetterRetention: Duration.days(15) })).toThrow(
      /`deadLetterRetention` must be between 1 minute and 14 days/,
    );
  });

  it('rejects an alarm period that is not whole minutes', () => {
    expect(() => fixture().job({ alarmPeriod: Duration.seconds(90) })).toThrow(/`alarmPeriod` must be a whole number of minutes/);
  });

  it('rejects a schedule that is not a rate or cron expression', () => {
    expect(() => fixture().job({ schedule: Schedule.expression('daily') })).toThrow(
      /`schedule` must be a rate\(...\) or cron\(...\) expression, got "daily"/,
    );
  });
});
