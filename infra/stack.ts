import { join } from 'node:path';
import { Annotations, CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { CostWatchConfig } from '../shared/config/index.js';
import { DEFAULT_SLACK_TOKEN_SECRET } from '../shared/config/schema.js';
import { ConfigError } from '../shared/errors.js';
import { DEFAULT_SIGNING_SECRET_ID } from '../shared/slack-actions/secret-ids.js';
import { SlackActionsEndpoint } from './constructs/slack-actions-endpoint.js';
import { slackSecretPolicyArn } from './constructs/slack-secret-arn.js';
import { addActionsRole, type ActionsRole } from './constructs/actions-role.js';
import { CONFIG_ENV_VAR, configFromContext, deployedConfigJson } from './config.js';
import {
  FINDINGS_PREFIX,
  JOB_NAMES,
  JOBS,
  LedgerTable,
  NotificationTopics,
  PROJECT_ROOT,
  ReportBucket,
  ScheduledJob,
  grantPermissions,
  type JobName,
  type JobResources,
} from './constructs/index.js';
import { ContainersData } from './constructs/containers.js';
import { IdleScanStateMachine } from './constructs/idle-state-machine.js';
import { MemberRoleStackSet } from './constructs/member-role-stackset.js';
import { idleStepPermissions, organizationPermissions } from './constructs/org-permissions.js';
import { RUNS_PREFIX } from '../shared/jobs/idle-resources/run-store.js';

export interface CostWatchStackProps extends StackProps {
  /**
   * Validated cost-watch config.
   * @default - read from the file named by CDK context `config`, else ./cost-watch.config.json, else built-in defaults
   */
  readonly config?: CostWatchConfig;
}

/**
 * Everything cost-watch runs on, environment-agnostic (no lookups, no account
 * needed to synth): the four scheduled jobs, the alert ledger, the report
 * bucket, and the alert and report topics.
 */
export class CostWatchStack extends Stack {
  /** The jobs run as single scheduled functions, by name (all four without `organization`). */
  readonly jobs: Partial<Record<JobName, ScheduledJob>>;
  /** With `organization`: the idle scan's state machine. */
  idleScan?: IdleScanStateMachine;
  /** With `organization`: the member-account read role's StackSet. */
  memberRole?: MemberRoleStackSet;
  /** With `containers`: the CUR 2.0 export, its Glue table and the Athena workgroup. */
  readonly containers?: ContainersData;
  /** The Slack actions endpoint; undefined without notify.slack. */
  slackActions?: SlackActionsEndpoint;
  /** The role budget actions act through; undefined without budgets.actions. */
  budgetActions?: ActionsRole;

  constructor(scope: Construct, id: string, props: CostWatchStackProps = {}) {
    super(scope, id, props);
    const config = props.config ?? configFromContext(this);
    Tags.of(this).add('project', 'cost-watch'); // so cost-watch's own spend shows up under its tag

    const { table } = new LedgerTable(this, 'Ledger');
    const topics = new NotificationTopics(this, 'Notifications', { reportEmails: config.report.emails });
    const reports = new ReportBucket(this, 'Reports', { reportPrefix: config.report.prefix, findingsPrefix: FINDINGS_PREFIX });
    const { bucket } = reports;
    const { containers, report } = config;
    this.containers = containers && new ContainersData(this, 'Containers', { config: containers, reports, reportPrefix: report.prefix });
    this.noteReplacedKeys(config);
    if (config.report.email && config.report.emails.length)
      Annotations.of(this).addInfo(
        'cost-watch: report.email sends the monthly report through SES, so the report.emails subscribed to the report topic ' +
          'receive nothing from it',
      );

    const resources: JobResources = {
      ledger: table,
      alertTopic: topics.alertTopic,
      reportTopic: topics.reportTopic,
      topicKey: topics.key,
      bucket,
      reportPrefix: config.report.prefix,
      // Route and team channels post with the same bot token (its default secret when only they name Slack channels).
      slackSecretArn:
        config.notify.slack || [...config.notify.routes, ...Object.values(config.ownership.teams)].some((to) => to.slack)
          ? slackSecretPolicyArn(this, 'SlackBotToken', config.notify.slack?.tokenSecretId ?? DEFAULT_SLACK_TOKEN_SECRET)
          : undefined,
      routeTopicArns: [...new Set(config.notify.routes.flatMap((route) => (route.alertTopicArn ? [route.alertTopicArn] : [])))],
      teamTopicArns: [...new Set(Object.values(config.ownership.teams).flatMap((t) => (t.alertTopicArn ? [t.alertTopicArn] : [])))],
      reportEmail: config.report.email,
      unitCost: config.unitCost,
      anomalies: config.dailySpend.anomalies,
      containers: this.containers?.permissions,
      costOptimizationHub: config.report.costOptimizationHub,
    };
    const environment = {
      [CONFIG_ENV_VAR]: deployedConfigJson(this, config, {
        ledgerTable: table.tableName,
        alertTopicArn: topics.alertTopic.topicArn,
        reportTopicArn: topics.reportTopic.topicArn,
        reportBucket: bucket.bucketName,
        containers: this.containers?.deployedConfig,
      }),
    };

    const org = config.organization;
    const jobs: Partial<Record<JobName, ScheduledJob>> = {};
    for (const name of JOB_NAMES) {
      const spec = JOBS[name];
      // An organization's idle scan runs on Step Functions instead (below).
      if (org && name === 'idle-resources') continue;
      const job = new ScheduledJob(this, spec.id, {
        entry: join(PROJECT_ROOT, 'lambdas', name, 'handler.ts'),
        description: spec.description,
        timeout: spec.timeout,
        schedule: Schedule.expression(config.schedules[spec.schedule]),
        alarmTopic: topics.alertTopic,
        environment,
      });
      grantPermissions(job.function.role!, [...spec.permissions(resources), ...(org ? organizationPermissions(org.roleName) : [])]);
      new CfnOutput(this, `${spec.id}FunctionName`, {
        value: job.function.functionName,
        description: `Lambda function of the ${name} job`,
      });
      jobs[name] = job;
    }
    this.jobs = jobs;
    // The state machine's hand-off files (plan, items, map results) matter for one run; kept a month for inspection.
    if (org) bucket.addLifecycleRule({ id: 'expire-idle-runs', prefix: RUNS_PREFIX, expiration: Duration.days(30) });
    if (org) this.organizationScan(org, resources, environment, config.schedules.idleResources, topics.alertTopic);
    if (config.notify.slack) this.slackActions = this.addSlackActions(config.notify.slack, table, environment);
    this.budgetActions = addActionsRole(this, config, [jobs.budgets?.function, this.slackActions?.function], table);

    new CfnOutput(this, 'LedgerTableName', { value: table.tableName });
    new CfnOutput(this, 'ReportBucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'AlertTopicArn', { value: topics.alertTopic.topicArn });
    new CfnOutput(this, 'ReportTopicArn', { value: topics.reportTopic.topicArn });
  }

  /** Organization shape: idle-resources on Step Functions, and the member role every job assumes, as a StackSet. */
  private organizationScan(
    org: NonNullable<CostWatchConfig['organization']>,
    resources: JobResources,
    environment: Record<string, string>,
    schedule: string,
    alertTopic: ITopic,
  ): void {
    const scan = new IdleScanStateMachine(this, 'IdleResources', {
      schedule: Schedule.expression(schedule),
      alarmTopic: alertTopic,
      bucket: resources.bucket,
      environment,
      maxConcurrency: org.concurrency,
      toleratedFailurePercentage: org.toleratedFailurePercentage,
    });
    for (const step of ['plan', 'scan', 'reduce'] as const)
      grantPermissions(scan[step].role!, idleStepPermissions(step, resources, org.roleName));
    new CfnOutput(this, 'IdleResourcesStateMachineArn', {
      value: scan.stateMachine.stateMachineArn,
      description: 'State machine of the idle-resources job',
    });
    this.idleScan = scan;

    const trusted = [...Object.values(this.jobs).map((j) => j!.function.role!), scan.plan.role!, scan.scan.role!];
    this.memberRole = new MemberRoleStackSet(this, 'MemberRole', {
      roleName: org.roleName,
      trustedRoles: trusted,
      organizationalUnitIds: org.deployTo?.organizationalUnitIds,
      region: org.deployTo?.region,
      callAs: org.deployTo?.callAs,
    });
  }

  /**
   * The Slack buttons' endpoint, only with Slack configured. Its reserved
   * concurrency comes from context `slackActionsConcurrency` (default 5; 0 for
   * none, on an account still at the new-account quota of 10).
   */
  private addSlackActions(
    slack: NonNullable<CostWatchConfig['notify']['slack']>,
    table: JobResources['ledger'],
    environment: Record<string, string>,
  ): SlackActionsEndpoint {
    const raw = this.node.tryGetContext('slackActionsConcurrency');
    const reservedConcurrency = raw === undefined ? undefined : Number(raw);
    if (
      reservedConcurrency !== undefined &&
      !(Number.isInteger(reservedConcurrency) && reservedConcurrency >= 0 && reservedConcurrency <= 100)
    )
      throw new ConfigError(`context slackActionsConcurrency: expected a whole number from 0 to 100, got "${String(raw)}"`);
    const endpoint = new SlackActionsEndpoint(this, 'SlackActions', {
      entry: join(PROJECT_ROOT, 'lambdas', 'slack-actions', 'handler.ts'),
      environment,
      ledger: table,
      signingSecretArn: slackSecretPolicyArn(this, 'SlackSigningSecret', slack.signingSecretId ?? DEFAULT_SIGNING_SECRET_ID),
      botTokenSecretArn: slackSecretPolicyArn(this, 'SlackBotTokenForActions', slack.tokenSecretId),
      reservedConcurrency,
    });
    new CfnOutput(this, 'SlackActionsUrl', {
      value: endpoint.url.url,
      description: 'Interactivity request URL for the Slack app (docs/slack-app-manifest.json, settings.interactivity.request_url)',
    });
    return endpoint;
  }

  /** The stack owns these resources; say so when the config also names some. */
  private noteReplacedKeys(config: CostWatchConfig): void {
    const replaced = [
      config.ledgerTable && 'ledgerTable',
      config.report.bucket && 'report.bucket',
      config.notify.alertTopicArn && 'notify.alertTopicArn',
      config.notify.reportTopicArn && 'notify.reportTopicArn',
    ].filter(Boolean);
    if (replaced.length)
      Annotations.of(this).addInfo(`cost-watch: ${replaced.join(', ')} in config are replaced by the resources this stack creates`);
  }
}
