import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_PERMISSIONS } from '../../infra/constructs/read-permissions.js';
import type { CostWatchStack } from '../../infra/stack.js';
import { FULL_CONFIG, SYNTH_TIMEOUT, actionsOf, grantsOf, synthStack } from './app-fixture.js';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;
const ORG = {
  accounts: 'all' as const,
  roleName: 'cw-read',
  concurrency: 40,
  toleratedFailurePercentage: 5,
  deployTo: { organizationalUnitIds: ['ou-ab12-cdefgh12'] },
};

const nag = (stack: CostWatchStack) =>
  new AwsSolutionsChecks(stack, { verbose: true })
    .validateScope(stack)
    .violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
const only = (t: Template, type: string) => {
  const found = Object.values(t.findResources(type) as Resources);
  expect(found).toHaveLength(1);
  return found[0]!.Properties;
};
/** The role a step function runs as, by the step's construct id (PlanFunction, ScanFunction, ReduceFunction). */
const stepJob = (step: string) => `IdleResources${step}`;

describe('stack with organization', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  let stack: CostWatchStack;
  beforeAll(() => {
    ({ template, stack } = synthStack({ config: { ...FULL_CONFIG, organization: ORG } }));
  }, SYNTH_TIMEOUT);

  it('deploys the member role as a service-managed StackSet to the configured OUs, automatically to new accounts', () => {
    const set = only(template, 'AWS::CloudFormation::StackSet');
    expect(set).toMatchObject({
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      CallAs: 'SELF',
    });
    expect(set.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(set.StackInstancesGroup).toEqual([
      { DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-cdefgh12'] }, Regions: [{ Ref: 'AWS::Region' }] },
    ]);
    expect(template.findResources('Custom::AWS')).toEqual({}); // no root lookup when OUs are given
  });

  it("trusts only the function roles that assume it (aws:PrincipalArn), and allows only the jobs' read actions", () => {
    const set = only(template, 'AWS::CloudFormation::StackSet');
    const body = JSON.parse(set.TemplateBody['Fn::Join'] ? 'null' : set.TemplateBody);
    const role = body.Resources.ReadRole.Properties;
    expect(role.RoleName).toBe('cw-read');
    const [trust] = role.AssumeRolePolicyDocument.Statement;
    expect(trust.Principal).toEqual({ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${TrustedAccount}:root' } });
    expect(trust.Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': { Ref: 'TrustedPrincipalArns' } } });
    const actions = role.Policies[0].PolicyDocument.Statement.flatMap((s: { Action: string[] }) => s.Action).sort();
    expect(actions).toEqual(READ_PERMISSIONS.flatMap((p) => p.actions).sort());
    expect(actions).toContain('tag:GetResources');
    expect(actions.filter((a: string) => /^(ce|s3):/.test(a))).toEqual([]); // untagged spend and run history: the home account only
    expect(actions.every((a: string) => /^[a-z0-9]+:(Describe|Get|List|View)/.test(a))).toBe(true);
    const trusted = set.Parameters.find((p: { ParameterKey: string }) => p.ParameterKey === 'TrustedPrincipalArns').ParameterValue[
      'Fn::Join'
    ][1];
    const roleIds = trusted.map((t: { 'Fn::GetAtt': string[] }) => t['Fn::GetAtt'][0]);
    expect(roleIds).toHaveLength(5); // daily-spend, budgets, monthly-report, plan, scan
    expect(roleIds.some((id: string) => id.startsWith('IdleResourcesReduce'))).toBe(false);
  });

  it('runs idle-resources as plan -> Distributed Map of scans -> reduce, started by the schedule', () => {
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith('IdleResourcesFunction'))).toEqual([]);
    const sm = only(template, 'AWS::StepFunctions::StateMachine');
    expect(sm.TracingConfiguration).toEqual({ Enabled: true });
    expect(sm.LoggingConfiguration.Level).toBe('ALL');
    const definition = JSON.parse(sm.DefinitionString['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'X')).join(''));
    expect(definition.StartAt).toBe('Plan');
    const map = definition.States.ScanEachPair;
    expect(map).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 40,
      ToleratedFailurePercentage: 5,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      ItemReader: { ReaderConfig: { InputType: 'JSON' }, Parameters: { 'Key.$': '$.plan.itemsKey' } },
      ResultWriter: { Parameters: { Prefix: 'idle-runs/map-results' } },
      Next: 'Reduce',
    });
    expect(map.ItemSelector).toEqual({
      'scope.$': '$$.Map.Item.Value',
      'home.$': '$.plan.home',
      'date.$': '$.plan.date',
      'runId.$': '$.plan.runId',
    });
    expect(definition.States.Reduce.Retry).toContainEqual(expect.objectContaining({ ErrorEquals: ['DeliveryError'] }));
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 8 ? * MON *)',
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^IdleResourcesStateMachine') }, Input: '{}' })],
    });
  });

  it("expires the runs' hand-off files after a month", () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Id: 'expire-idle-runs', Prefix: 'idle-runs/', ExpirationInDays: 30 })]),
      },
    });
  });

  it('alarms to the alert topic when an execution fails, times out or is aborted', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)' })]),
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^NotificationsAlertTopic') }],
    });
  });

  it('gives the other jobs ListAccounts and AssumeRole on the member role name only', () => {
    for (const job of ['DailySpend', 'Budgets', 'MonthlyReport']) {
      expect(actionsOf(template, job)).toEqual(expect.arrayContaining(['organizations:ListAccounts', 'sts:AssumeRole']));
      const assume = grantsOf(template, job).filter((g) => g.action === 'sts:AssumeRole');
      expect(assume).toEqual([
        { action: 'sts:AssumeRole', resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/cw-read']] } },
      ]);
    }
  });

  it('gives each step only what it does: plan lists and writes the items, scan reads, reduce sends', () => {
    expect(actionsOf(template, stepJob('Plan'))).toEqual([
      'ec2:DescribeRegions',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'organizations:ListAccounts',
      's3:PutObject',
      'sts:AssumeRole',
    ]);
    expect(actionsOf(template, stepJob('Scan'))).toEqual(
      [
        ...READ_PERMISSIONS.filter((p) => p.jobs.includes('idle-resources')).flatMap((p) => p.actions),
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:PutObject',
        'sts:AssumeRole',
      ].sort(),
    );
    const reduce = actionsOf(template, stepJob('Reduce'));
    expect(reduce).toEqual(
      expect.arrayContaining([
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'ce:GetCostAndUsage',
        'sns:Publish',
        'dynamodb:PutItem',
        'secretsmanager:GetSecretValue',
      ]),
    );
    expect(reduce).not.toContain('tag:GetResources');
    expect(reduce).not.toContain('sts:AssumeRole');
  });

  it('is cdk-nag clean', () => {
    expect(nag(stack)).toEqual([]);
  });

  it('looks up the organization root for the StackSet when no OUs are configured, and stays cdk-nag clean', () => {
    const { template: t, stack: s } = synthStack({ config: { organization: { accounts: 'all' } } });
    t.hasResourceProperties('Custom::AWS', { Create: Match.anyValue() });
    const set = only(t, 'AWS::CloudFormation::StackSet');
    expect(JSON.stringify(set.StackInstancesGroup)).toMatch(/Roots\.0\.Id/);
    expect(nag(s)).toEqual([]);
  });
});

describe('stack without organization', { timeout: SYNTH_TIMEOUT }, () => {
  it('has no StackSet, state machine or cross-account permission', () => {
    const { template } = synthStack({ config: FULL_CONFIG });
    expect(template.findResources('AWS::CloudFormation::StackSet')).toEqual({});
    expect(template.findResources('AWS::StepFunctions::StateMachine')).toEqual({});
    for (const job of ['DailySpend', 'IdleResources', 'Budgets', 'MonthlyReport']) {
      expect(actionsOf(template, job)).not.toContain('sts:AssumeRole');
      expect(actionsOf(template, job)).not.toContain('organizations:ListAccounts');
    }
  });
});
