import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CostWatchChecks } from '../../infra/nag.js';
import type { CostWatchStack } from '../../infra/stack.js';
import type { CostWatchConfigInput } from '../../shared/config/index.js';
import { FULL_CONFIG, SYNTH_TIMEOUT, actionsOf, buildStack, grantsOf, synthStack, type Statement } from './app-fixture.js';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

const BUDGETS: CostWatchConfigInput['budgets'] = {
  actions: [
    { id: 'flags-off', atPct: 75, do: { type: 'set-parameter', name: '/app/flags/non-critical', value: 'off' } },
    { id: 'dev-down', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev', 'staging'] } } },
    { id: 'asg-cap', atPct: 100, do: { type: 'cap-autoscaling', tags: { env: ['prod'] } } },
    { id: 'deny-new', atPct: 120, do: { type: 'deny-new-resources', roles: ['app-deployer'] } },
  ],
  approvers: [{ upTo: 500, slackUsers: ['U0LEAD'] }, { slackUsers: ['U0CTO'] }],
};
const WITH_ACTIONS: CostWatchConfigInput = { ...FULL_CONFIG, budgets: BUDGETS };
const JOB_IDS = ['DailySpend', 'IdleResources', 'Budgets', 'MonthlyReport', 'SlackActions'];
/** The services budget actions change: no job role may hold a write action of theirs (reads are the waste scan's). */
const ACTING_SERVICES = /^(ec2|rds|autoscaling|ssm|organizations|iam):(?!Describe|Get|List)/;

const nag = (stack: CostWatchStack) =>
  [new AwsSolutionsChecks(stack, { verbose: true }), new CostWatchChecks(stack)].flatMap((pack) =>
    pack.validateScope(stack).violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
  );

/** The logical id of the actions role in the home account. */
const actionsRoleId = (t: Template) => Object.keys(t.findResources('AWS::IAM::Role')).filter((id) => id.startsWith('BudgetActionsRole'));

function roleStatements(t: Template, roleId: string): Statement[] {
  return Object.values(t.findResources('AWS::IAM::Policy') as Resources)
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
const having = (statements: Statement[], action: string) => statements.filter((s) => [s.Action].flat().includes(action));

describe('budget actions role', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  let stack: CostWatchStack;
  beforeAll(() => {
    ({ template, stack } = synthStack({ config: WITH_ACTIONS }));
  }, SYNTH_TIMEOUT);

  it('is not deployed without budgets.actions, and no function can assume anything', () => {
    const { template: plain } = synthStack({ config: FULL_CONFIG });
    expect(actionsRoleId(plain)).toEqual([]);
    for (const job of JOB_IDS) expect(actionsOf(plain, job)).not.toContain('sts:AssumeRole');
    expect(actionsOf(plain, 'Budgets')).not.toContain('dynamodb:GetItem');
    expect(JSON.stringify(plain.toJSON())).not.toContain('COST_WATCH_ACTIONS_ROLE_ARN');
  });

  it('keeps every job role free of write actions: budgets and the Slack endpoint may only assume the actions role', () => {
    const [roleId] = actionsRoleId(template);
    for (const job of JOB_IDS)
      expect(
        actionsOf(template, job).filter((a) => ACTING_SERVICES.test(a)),
        job,
      ).toEqual([]);
    for (const job of ['Budgets', 'SlackActions'])
      expect(grantsOf(template, job).filter((g) => g.action === 'sts:AssumeRole')).toEqual([
        { action: 'sts:AssumeRole', resource: { 'Fn::GetAtt': [roleId, 'Arn'] } },
      ]);
    for (const job of ['DailySpend', 'IdleResources', 'MonthlyReport']) expect(actionsOf(template, job)).not.toContain('sts:AssumeRole');
    // The action records are read by key: budgets gains GetItem beside its batched alert reads.
    expect(actionsOf(template, 'Budgets')).toContain('dynamodb:GetItem');
  });

  it('names the actions role to the budgets function and the Slack endpoint only', () => {
    const fns = Object.entries(template.findResources('AWS::Lambda::Function') as Resources);
    const named = fns.filter(([, f]) => f.Properties.Environment?.Variables?.COST_WATCH_ACTIONS_ROLE_ARN).map(([id]) => id);
    expect(named.map((id) => id.replace(/Function.*$/, ''))).toEqual(['Budgets', 'SlackActions']);
  });

  it('is assumable only by the budgets and Slack endpoint function roles, for an hour at most', () => {
    const [roleId] = actionsRoleId(template);
    const role = (template.findResources('AWS::IAM::Role') as Resources)[roleId!]!.Properties;
    expect(role.MaxSessionDuration).toBe(3600);
    const principals = role.AssumeRolePolicyDocument.Statement.flatMap((s: any) => [s.Principal.AWS].flat());
    expect(principals.map((p: any) => p['Fn::GetAtt'][0].replace(/Function.*$/, '')).sort()).toEqual(['Budgets', 'SlackActions']);
  });

  it('stops and starts only instances with the configured tags, never protected ones', () => {
    const statements = roleStatements(template, actionsRoleId(template)[0]!);
    const protect = { 'aws:ResourceTag/cost-watch:protect': 'true' };
    for (const action of ['ec2:StopInstances', 'ec2:StartInstances', 'rds:StopDBInstance', 'rds:StartDBInstance']) {
      const [s] = having(statements, action);
      expect(s!.Condition, action).toEqual({
        StringEquals: { 'aws:ResourceTag/env': ['dev', 'staging'] },
        StringNotEqualsIgnoreCase: protect,
      });
    }
    const asg = having(statements, 'autoscaling:UpdateAutoScalingGroup').map((s) => s.Condition);
    expect(asg).toEqual([
      {
        StringEquals: { 'autoscaling:ResourceTag/env': ['dev', 'staging'] },
        StringNotEqualsIgnoreCase: { 'autoscaling:ResourceTag/cost-watch:protect': 'true' },
      },
      {
        StringEquals: { 'autoscaling:ResourceTag/env': ['prod'] },
        StringNotEqualsIgnoreCase: { 'autoscaling:ResourceTag/cost-watch:protect': 'true' },
      },
    ]);
  });

  it('writes only the configured parameter, and attaches only its own policy to the configured roles', () => {
    const statements = roleStatements(template, actionsRoleId(template)[0]!);
    const [ssm] = having(statements, 'ssm:PutParameter');
    expect(JSON.stringify(ssm!.Resource)).toMatch(/:parameter\/app\/flags\/non-critical"/);
    const [attach] = having(statements, 'iam:AttachRolePolicy');
    expect(JSON.stringify(attach!.Resource)).toMatch(/:role\/app-deployer"/);
    expect(JSON.stringify(attach!.Condition)).toMatch(/iam:PolicyARN.*:policy\/cost-watch-deny-\*/);
    expect(having(statements, 'organizations:AttachPolicy')).toEqual([]);
  });

  it('is cdk-nag clean with and without actions', () => {
    expect(nag(stack)).toEqual([]);
    expect(nag(buildStack({ config: FULL_CONFIG }).stack)).toEqual([]);
  });
});

describe('budget actions role in an organization', { timeout: SYNTH_TIMEOUT }, () => {
  const ORG_BUDGETS = {
    ...BUDGETS,
    actions: BUDGETS!.actions!.map((a) => (a.do.type === 'deny-new-resources' ? { ...a, do: { type: 'deny-new-resources' as const } } : a)),
  };
  let template: Template;
  let stack: CostWatchStack;
  beforeAll(() => {
    ({ template, stack } = synthStack({
      config: { ...FULL_CONFIG, budgets: ORG_BUDGETS, organization: { deployTo: { organizationalUnitIds: ['ou-ab12-cdefgh12'] } } },
    }));
  }, SYNTH_TIMEOUT);

  const stackSets = () => Object.values(template.findResources('AWS::CloudFormation::StackSet') as Resources).map((r) => r.Properties);

  it('deploys a second StackSet role, cost-watch-act, with the same tag-scoped actions and no SCP or IAM rights', () => {
    const act = stackSets().find((s) => JSON.stringify(s.StackSetName).includes('member-act-role'))!;
    const body = JSON.parse(act.TemplateBody);
    const role = body.Resources.ActRole.Properties;
    expect(role.RoleName).toBe('cost-watch-act');
    const statements = role.Policies[0].PolicyDocument.Statement as Statement[];
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => /^(organizations|iam):/.test(a))).toEqual([]);
    expect(having(statements, 'ec2:StopInstances')[0]!.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/env': ['dev', 'staging'] },
      StringNotEqualsIgnoreCase: { 'aws:ResourceTag/cost-watch:protect': 'true' },
    });
    const trusted = act.Parameters.find((p: { ParameterKey: string }) => p.ParameterKey === 'TrustedPrincipalArns').ParameterValue;
    expect(trusted['Fn::Join'][1].map((t: any) => t['Fn::GetAtt'][0].replace(/Function.*$/, '')).sort()).toEqual([
      'Budgets',
      'SlackActions',
    ]);
  });

  it('lets budgets assume the member actions role by name, and attach only an SCP tagged as its own', () => {
    expect(
      grantsOf(template, 'Budgets')
        .filter((g) => g.action === 'sts:AssumeRole')
        .map((g) => JSON.stringify(g.resource)),
    ).toEqual([
      expect.stringContaining('BudgetActionsRole'),
      expect.stringContaining(':role/cost-watch-act'),
      expect.stringContaining(':role/cost-watch-read'),
    ]);
    const statements = roleStatements(template, actionsRoleId(template)[0]!);
    const [create] = having(statements, 'organizations:CreatePolicy');
    expect(create!.Condition).toEqual({
      StringEquals: { 'aws:RequestTag/cost-watch:owner': 'cost-watch', 'organizations:PolicyType': 'SERVICE_CONTROL_POLICY' },
    });
    const onPolicy = having(statements, 'organizations:AttachPolicy').find((s) => JSON.stringify(s.Resource).includes('policy/'));
    expect(onPolicy!.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/cost-watch:owner': 'cost-watch' } });
    expect(having(statements, 'iam:AttachRolePolicy')).toEqual([]);
  });

  it('is cdk-nag clean', () => {
    expect(nag(stack)).toEqual([]);
  });
});
