import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, RuleTargetInput, type Schedule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  type Chain,
  DefinitionBody,
  DistributedMap,
  JsonPath,
  LogLevel,
  ResultWriterV2,
  S3JsonItemReader,
  StateMachine,
  StateMachineType,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { RUNS_PREFIX } from '../../shared/jobs/idle-resources/run-store.js';
import { acknowledgeGeneratedWildcards, type WildcardReason } from './acknowledge.js';
import { PROJECT_ROOT } from './bundling.js';
import { CostWatchFunction } from './job-function.js';

/** The wildcards CDK generates for the state machine's role, each with its reason (cdk-nag). */
const STATE_MACHINE_WILDCARDS: readonly WildcardReason[] = [
  {
    finding: /^Resource::<IdleResources\w+Function\w*\.Arn>:\*$/,
    why:
      "CDK's LambdaInvoke grant also covers the function's versions and aliases (ARN:*); only the three idle-resources step " +
      'functions.',
  },
  {
    finding: /^Resource::arn:<AWS::Partition>:s3:::<\w+>\/\*$/,
    why:
      "The Distributed Map reads its item list (ItemReader) and writes its results (ResultWriter) in the stack's report " +
      "bucket; the keys carry the run date and execution name, known only at run time, and CDK's reader grant names no " +
      'prefix.',
  },
  {
    finding: /^Resource::\*$/,
    why:
      'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs vended delivery ' +
      '(logs:CreateLogDelivery, DescribeLogGroups…) support no resource-level permissions.',
  },
  {
    finding: /^Action::xray:GetSampling\*$/,
    why: 'X-Ray tracing needs GetSamplingRules and GetSamplingTargets (CDK grants them as GetSampling*), read-only.',
  },
  {
    finding: /:execution:.*\*$/,
    why:
      'The Distributed Map starts, describes and stops its own child executions, whose names Step Functions generates at run ' +
      "time; limited to this state machine's executions.",
  },
];

export interface IdleScanStateMachineProps {
  /** When a scan starts. */
  readonly schedule: Schedule;
  /** Topic a failed or timed-out execution alarms to. */
  readonly alarmTopic: ITopic;
  /** Where plans, items and the map's results go (under idle-runs/). */
  readonly bucket: IBucket;
  /** Environment of the three functions (the deployed config). */
  readonly environment: Record<string, string>;
  /** (account, region) scans at once (`organization.concurrency`). */
  readonly maxConcurrency: number;
  /** Percent of scans that may fail before the map fails (`organization.toleratedFailurePercentage`). */
  readonly toleratedFailurePercentage: number;
  /**
   * Longest a whole run may take.
   * @default Duration.hours(2)
   */
  readonly timeout?: Duration;
}

/**
 * idle-resources for an organization on Step Functions: a plan function lists
 * the (account, region) pairs into S3, a Distributed Map runs one scan
 * function per pair (Express child workflows: cheaper per item than Standard),
 * and a reduce function merges the results and dispatches the alerts once.
 * The same three functions the CLI runs in-process (shared/jobs/idle-resources).
 */
export class IdleScanStateMachine extends Construct {
  readonly plan: CostWatchFunction;
  readonly scan: CostWatchFunction;
  readonly reduce: CostWatchFunction;
  readonly stateMachine: StateMachine;
  readonly rule: Rule;
  readonly failedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: IdleScanStateMachineProps) {
    super(scope, id);
    const fn = (name: string, step: string, timeout: Duration, memorySize = 256) =>
      new CostWatchFunction(this, name, {
        entry: join(PROJECT_ROOT, 'lambdas', `idle-resources-${step}`, 'handler.ts'),
        description: `cost-watch idle-resources: ${step} step of the organization scan`,
        timeout,
        memorySize,
        environment: props.environment,
      });
    this.plan = fn('PlanFunction', 'plan', Duration.minutes(10));
    // Under the 5-minute limit of an Express child workflow.
    this.scan = fn('ScanFunction', 'scan', Duration.minutes(4));
    this.reduce = fn('ReduceFunction', 'reduce', Duration.minutes(10), 1024);

    const definition = this.definition(props);

    const logs = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromChainable(definition),
      comment: 'cost-watch idle-resources across the organization: plan, scan each (account, region), reduce and alert once',
      timeout: props.timeout ?? Duration.hours(2),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    acknowledgeGeneratedWildcards(this.stateMachine, STATE_MACHINE_WILDCARDS);

    this.rule = new Rule(this, 'Schedule', {
      schedule: props.schedule,
      description: `Starts the cost-watch idle-resources scan (${props.schedule.expressionString})`,
      // An empty input: the plan uses today's date; a manual start may pass { "date", "dryRun" }.
      targets: [new SfnStateMachine(this.stateMachine, { input: RuleTargetInput.fromObject({}) })],
    });

    this.failedAlarm = failedExecutionsAlarm(this, this.stateMachine, props.alarmTopic);
  }

  /** Plan, then one scan per (account, region) in a Distributed Map, then reduce. */
  private definition(props: IdleScanStateMachineProps): Chain {
    const plan = new LambdaInvoke(this, 'Plan', {
      lambdaFunction: this.plan,
      payload: TaskInput.fromObject({ runId: JsonPath.executionName, input: JsonPath.entirePayload }),
      payloadResponseOnly: true,
      resultPath: '$.plan',
    });
    const map = new DistributedMap(this, 'ScanEachPair', {
      itemReader: new S3JsonItemReader({ bucket: props.bucket, key: JsonPath.stringAt('$.plan.itemsKey') }),
      itemSelector: {
        scope: JsonPath.objectAt('$$.Map.Item.Value'),
        home: JsonPath.stringAt('$.plan.home'),
        date: JsonPath.stringAt('$.plan.date'),
        runId: JsonPath.stringAt('$.plan.runId'),
      },
      maxConcurrency: props.maxConcurrency,
      toleratedFailurePercentage: props.toleratedFailurePercentage,
      mapExecutionType: StateMachineType.EXPRESS,
      // Every child's result goes to S3: thousands of pairs exceed the 256 KiB a state may pass on.
      resultWriterV2: new ResultWriterV2({ bucket: props.bucket, prefix: `${RUNS_PREFIX}map-results` }),
      resultPath: '$.map',
    });
    map.itemProcessor(new LambdaInvoke(this, 'Scan', { lambdaFunction: this.scan, payloadResponseOnly: true }));
    const reduce = new LambdaInvoke(this, 'Reduce', {
      lambdaFunction: this.reduce,
      payload: TaskInput.fromObject({ plan: JsonPath.objectAt('$.plan'), map: JsonPath.objectAt('$.map') }),
      payloadResponseOnly: true,
    });
    // A failed delivery: the retry sends only what is missing (ledger).
    reduce.addRetry({ errors: ['DeliveryError'], maxAttempts: 2, interval: Duration.minutes(1), backoffRate: 2 });
    return plan.next(map).next(reduce);
  }
}

/** Alarms on any failed, timed-out or aborted execution. */
function failedExecutionsAlarm(scope: Construct, stateMachine: StateMachine, topic: ITopic): Alarm {
  const metric = (name: string) => stateMachine.metric(name, { period: Duration.minutes(5), statistic: 'Sum' });
  const alarm = new Alarm(scope, 'FailedAlarm', {
    alarmDescription: 'cost-watch idle-resources: a scan execution failed, timed out or was aborted; see the state machine execution',
    metric: new MathExpression({
      expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
      usingMetrics: { failed: metric('ExecutionsFailed'), timedOut: metric('ExecutionsTimedOut'), aborted: metric('ExecutionsAborted') },
      period: Duration.minutes(5),
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}
