import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
  DescribeAutoScalingGroupsCommand,
} from '@aws-sdk/client-auto-scaling';
import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import { CreateRoleCommand, GetPolicyCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { monthlyCostBudget } from '../../scripts/demo/budgets.js';
import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { parseConfig } from '../../shared/config/load.js';
import type { ActionRecord } from '../../shared/detect/actions/types.js';
import { budgetsJob, type BudgetsResult } from '../../shared/jobs/budgets/job.js';
import { createContext } from '../../shared/jobs/common/context.js';
import { silentLogger } from '../../shared/log.js';
import { runCli } from '../support/cli.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let ssm: SSMClient;
let asg: AutoScalingClient;
let iam: IAMClient;
let run = 0;
const SLOW = { timeout: 120_000 };

const param = async (name: string) =>
  (await ssm.send(new GetParameterCommand({ Name: name })).catch(() => undefined))?.Parameter?.Value ?? 'MISSING';
const maxSize = async () =>
  (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['prod-web'] }))).AutoScalingGroups![0]!.MaxSize;
const attached = async () =>
  (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'ci-deployer' }))).AttachedPolicies!.map((p) => p.PolicyArn!);
const policyExists = (arn: string) =>
  iam.send(new GetPolicyCommand({ PolicyArn: arn })).then(
    () => true,
    () => false,
  );

/** A config file on a fresh ledger table (or the given one, to run again on the same records). */
async function config(budgets: Record<string, unknown>, table?: string): Promise<string> {
  const ledgerTable = table ?? `ledger-types-${++run}`;
  if (!table) await createLedgerTable(world.ddb, ledgerTable);
  const file = join(world.dir, `config-${++run}.json`);
  writeFileSync(file, JSON.stringify({ ledgerTable, notify: { slack: { channel: '#cost-alerts' } }, budgets }));
  return file;
}
const env = () => ({ ...world.aws.env, SLACK_API_URL: world.slack.url, SLACK_BOT_TOKEN: 'xoxb-test' });
async function cli(args: string[]) {
  const r = await runCli(args, { env: env(), timeoutMs: 90_000 });
  return { ...r, json: r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined };
}
async function applyAuto(actions: unknown[]): Promise<{ file: string; records: ActionRecord[] }> {
  const file = await config({ actions, approval: 'auto' });
  const r = await cli(['run', 'budgets', '--config', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return { file, records: (r.json as BudgetsResult).actions };
}
async function undo(file: string, id: string): Promise<void> {
  const r = await cli(['actions', 'undo', id, '--config', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.json.action.status).toBe('restored');
}
const setParam = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  atPct: 90,
  ...extra,
  do: { type: 'set-parameter', name, value: 'off' },
});

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-budget-action-types-', slack: true });
  ssm = new SSMClient(world.aws.clientConfig);
  asg = new AutoScalingClient(world.aws.clientConfig);
  iam = new IAMClient(world.aws.clientConfig);
  await ssm.send(new PutParameterCommand({ Name: '/app/flags/non-critical', Value: 'on', Type: 'String' }));
  await asg.send(
    new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'lc', ImageId: 'ami-12c6146b', InstanceType: 't3.micro' }),
  );
  await asg.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'prod-web',
      LaunchConfigurationName: 'lc',
      MinSize: 1,
      MaxSize: 6,
      DesiredCapacity: 2,
      AvailabilityZones: ['us-east-1a'],
      Tags: [{ Key: 'env', Value: 'prod', PropagateAtLaunch: true }],
    }),
  );
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  await iam.send(new CreateRoleCommand({ RoleName: 'ci-deployer', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await new BudgetsClient(world.aws.clientConfig).send(
    new CreateBudgetCommand({ AccountId: world.aws.account.accountId, Budget: monthlyCostBudget('team-web', 1000, 950, 1100) }),
  );
}, 120_000);
afterAll(() => world?.stop());

describe('budget action types applied with approval "auto"', SLOW, () => {
  it('set-parameter overwrites a parameter and undo writes the old value back, or deletes one it created', async () => {
    const { file, records } = await applyAuto([setParam('flags-off', '/app/flags/non-critical'), setParam('new-flag', '/app/flags/new')]);
    expect(records.map((r) => [r.action, r.status])).toEqual([
      ['flags-off', 'applied'],
      ['new-flag', 'applied'],
    ]);
    expect([await param('/app/flags/non-critical'), await param('/app/flags/new')]).toEqual(['off', 'off']);
    const text = world.slack.messages.at(-1)?.text ?? '';
    expect(text).toMatch(/Applied at once \(approval: auto\)/);
    expect(JSON.stringify(world.slack.messages.at(-1))).not.toMatch(/after approval by/);
    for (const r of records) await undo(file, r.id);
    expect([await param('/app/flags/non-critical'), await param('/app/flags/new')]).toEqual(['on', 'MISSING']);
  });

  it('cap-autoscaling sets MaxSize to the desired capacity and undo puts the old MaxSize back', async () => {
    const { file, records } = await applyAuto([{ id: 'asg-cap', atPct: 90, do: { type: 'cap-autoscaling', tags: { env: ['prod'] } } }]);
    expect(records[0]).toMatchObject({ status: 'applied', resources: [{ id: 'prod-web', state: 'applied', before: { max: 6 } }] });
    expect(await maxSize()).toBe(2);
    await undo(file, records[0]!.id);
    expect(await maxSize()).toBe(6);
  });

  it('deny-new-resources attaches a managed deny policy to the listed roles and undo detaches and deletes it', async () => {
    const { file, records } = await applyAuto([{ id: 'deny-new', atPct: 90, do: { type: 'deny-new-resources', roles: ['ci-deployer'] } }]);
    expect(records[0]?.status).toBe('applied');
    const arns = await attached();
    expect(arns).toHaveLength(1);
    expect(await policyExists(arns[0]!)).toBe(true);
    await undo(file, records[0]!.id);
    expect(await attached()).toEqual([]);
    expect(await policyExists(arns[0]!)).toBe(false);
  });
});

describe('budget actions at the end of the budget period', SLOW, () => {
  it('the first run of the next period restores an applied action, and keeps one with restoreAtPeriodEnd false', async () => {
    await ssm.send(new PutParameterCommand({ Name: '/app/flags/kept', Value: 'on', Type: 'String' }));
    const actions = [setParam('flags-off', '/app/flags/non-critical'), setParam('kept', '/app/flags/kept', { restoreAtPeriodEnd: false })];
    const { file, records } = await applyAuto(actions);
    expect(records.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect([await param('/app/flags/non-critical'), await param('/app/flags/kept')]).toEqual(['off', 'off']);

    // The next period, on the same records: the actions no longer cross (atPct 99), so only the restore acts.
    const table = (JSON.parse(readFileSync(file, 'utf8')) as { ledgerTable: string }).ledgerTable;
    const later = actions.map((a) => ({ ...a, atPct: 99 }));
    const next = parseConfig(JSON.parse(readFileSync(await config({ actions: later, approval: 'auto' }, table), 'utf8')));
    const end = new Date(`${records[0]!.period.endExclusive}T06:00:00Z`);
    Object.assign(process.env, env());
    const result = await budgetsJob.run(
      createContext({ config: next, log: silentLogger, now: end, aws: new AwsClients(process.env, ALL_CLIENTS) }),
      {},
    );
    expect(result.actions.map((a) => [a.action, a.status, a.by])).toEqual([['flags-off', 'restored', 'period-end']]);
    expect([await param('/app/flags/non-critical'), await param('/app/flags/kept')]).toEqual(['on', 'off']);
    const listed = (await cli(['actions', '--config', file, '--json'])).json as { actions: ActionRecord[] };
    expect(new Map(listed.actions.map((a) => [a.action, a.status]))).toEqual(
      new Map([
        ['flags-off', 'restored'],
        ['kept', 'applied'],
      ]),
    );
  });
});
