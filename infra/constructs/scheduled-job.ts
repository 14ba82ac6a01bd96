import { Duration, Token, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, type Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { DestinationConfig, IDestination, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CostWatchFunction, type CostWatchFunctionProps } from './job-function.js';

export interface ScheduledJobProps extends CostWatchFunctionProps {
  /** When the job runs, e.g. `Schedule.expression('cron(0 10 * * ? *)')`. */
  readonly schedule: Schedule;
  /** Topic that the job's errors alarm and dead-letter alarm notify. */
  readonly alarmTopic: ITopic;
  /**
   * How long a failed invocation record stays in the dead-letter queue.
   * @default Duration.days(14)
   */
  readonly deadLetterRetention?: Duration;
  /**
   * Period over which both alarms evaluate their metric.
   * @default Duration.minutes(5)
   */
  readonly alarmPeriod?: Duration;
  /**
   * Whether the schedule rule starts enabled.
   * @default true
   */
  readonly enabled?: boolean;
}

const DEFAULT_RETRY_ATTEMPTS = 2;
const MAX_QUEUE_RETENTION = Duration.days(14);

/**
 * A cost-watch job: a CostWatchFunction run by an EventBridge schedule, whose
 * failed async invocations (after `retryAttempts`) land in an encrypted SQS
 * dead-letter queue, with an alarm on the function's errors and one on the
 * queue's depth, both notifying `alarmTopic`.
 */
export class ScheduledJob extends Construct {
  /** The job's Lambda function. */
  readonly function: CostWatchFunction;
  /** The EventBridge rule that starts the job. */
  readonly rule: Rule;
  /** Where failed invocations end up (Lambda on-failure destination and rule target DLQ). */
  readonly deadLetterQueue: Queue;
  /** Alarms when an invocation reports an error. */
  readonly errorsAlarm: Alarm;
  /** Alarms when the dead-letter queue holds a message. */
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    validate(props);
    super(scope, id);
    const {
      schedule,
      alarmTopic,
      deadLetterRetention = MAX_QUEUE_RETENTION,
      alarmPeriod = Duration.minutes(5),
      enabled = true,
      retryAttempts = DEFAULT_RETRY_ATTEMPTS,
      ...functionProps
    } = props;

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // SQS-managed keys, not KMS: EventBridge can only send to a DLQ encrypted with SSE-SQS or a customer key it may use.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: deadLetterRetention,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the job's dead-letter queue (Lambda on-failure destination and EventBridge target DLQ); nothing " +
        'consumes it, so a DLQ behind it would never receive anything.',
    });

    this.function = new CostWatchFunction(this, 'Function', {
      ...functionProps,
      retryAttempts,
      onFailure: new SendOnlyQueueDestination(this.deadLetterQueue),
    });

    this.rule = new Rule(this, 'Schedule', {
      schedule,
      enabled,
      description: `Runs cost-watch ${id} (${schedule.expressionString})`,
      // Events EventBridge cannot hand to Lambda at all go to the same queue, after
      // EventBridge's own delivery retries (default: 24 hours), which are unrelated
      // to `retryAttempts` of a failed run.
      targets: [new LambdaFunction(this.function, { deadLetterQueue: this.deadLetterQueue })],
    });

    const action = new SnsAction(alarmTopic);
    this.errorsAlarm = new Alarm(this, 'ErrorsAlarm', {
      alarmDescription: `cost-watch ${id} reported an error; see the function's log group`,
      metric: this.function.metricErrors({ period: alarmPeriod, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // A job runs a few times a day at most: no data is the normal state.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.errorsAlarm.addAlarmAction(action);

    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: `cost-watch ${id} gave up on an invocation; inspect its dead-letter queue`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: alarmPeriod, statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm.addAlarmAction(action);
  }
}

/**
 * Like SqsDestination, but grants only sqs:SendMessage, the one call Lambda
 * makes (SqsDestination also grants GetQueueAttributes and GetQueueUrl).
 */
class SendOnlyQueueDestination implements IDestination {
  constructor(private readonly queue: IQueue) {}
  bind(_scope: Construct, fn: IFunction): DestinationConfig {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
    return { destination: this.queue.queueArn };
  }
}

function validate(props: ScheduledJobProps): void {
  const owned = ['onFailure', 'deadLetterQueue', 'deadLetterQueueEnabled', 'deadLetterTopic'] as const;
  for (const key of owned) {
    if (props[key] !== undefined)
      throw new Error(
        `ScheduledJob: cannot set \`${key}\`; failed invocations go to the job's own queue (\`deadLetterQueue\` property), so ` +
          `leave it unset`,
      );
  }
  if (!props.schedule) throw new Error('ScheduledJob: `schedule` is required; pass Schedule.expression("cron(...)") or Schedule.rate(...)');
  const expression = props.schedule.expressionString;
  if (!Token.isUnresolved(expression) && !/^(rate|cron)\(.+\)$/.test(expression))
    throw new Error(`ScheduledJob: \`schedule\` must be a rate(...) or cron(...) expression, got "${expression}"`);
  if (!props.alarmTopic) throw new Error('ScheduledJob: `alarmTopic` is required; pass the topic the alarms should notify');
  const retries = props.retryAttempts;
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0 || retries > 2))
    throw new Error(`ScheduledJob: \`retryAttempts\` must be 0, 1 or 2 (Lambda's async limit), got ${retries}`);
  const retention = props.deadLetterRetention;
  if (retention && !retention.isUnresolved() && (retention.toSeconds() < 60 || retention.toSeconds() > MAX_QUEUE_RETENTION.toSeconds()))
    throw new Error(
      `ScheduledJob: \`deadLetterRetention\` must be between 1 minute and 14 days (SQS limits), got ${retention.toHumanString()}`,
    );
  const period = props.alarmPeriod;
  if (period && !period.isUnresolved() && (period.toSeconds() < 60 || period.toSeconds() % 60 !== 0))
    throw new Error(
      `ScheduledJob: \`alarmPeriod\` must be a whole number of minutes (standard-resolution Lambda metrics), got ${period.toHumanString()}`,
    );
}
