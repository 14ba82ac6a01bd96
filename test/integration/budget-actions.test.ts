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
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
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
import { serialDynamo } from '../support/serial-dynamo.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let ec2: EC2Client;
let rds: RDSClient;
let asg: AutoScalingClient;
let run = 0;
const ids: Record<string, string> = {};
const SLOW = { timeout: 120_000 };

const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
async function launch(name: string, t: Record<string, string>, disableApiStop = false): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 'm5.large',
      MinCount: 1,
      MaxCount: 1,
      DisableApiStop: disableApiStop,
      TagSpecifications: [{ ResourceType: 'instance', Tags: tags({ Name: name, ...t }) }],
    }),
  );
  return out.Instances![0]!.InstanceId!;
}
const stateOf = async (id: string) =>
  (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!.Instances![0]!.State!.Name;
const dbStatus = async () =>
  (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'dev-db' }))).DBInstances![0]!.DBInstanceStatus;
const groupSize = async () => {
  const g = (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['dev-workers'] }))).AutoScalingGroups![0]!;
  return [g.MinSize, g.DesiredCapacity, g.MaxSize];
};

/** A fresh ledger table per config: each test's records are its own. */
async function config(budgets: Record<string, unknown>): Promise<string> {
  const table = `ledger-acts-${++run}`;
  await createLedgerTable(world.ddb, table);
  const file = join(world.dir, `config-${run}.json`);
  writeFileSync(file, JSON.stringify({ ledgerTable: table, notify: { slack: { channel: '#cost-alerts' } }, budgets }));
  return file;
}
const SCALE_DOWN = { id: 'dev-down', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev', 'staging'] } } };
const env = () => ({ ...world.aws.env, SLACK_API_URL: world.slack.url, SLACK_BOT_TOKEN: 'xoxb-test' });
async function cli(args: string[]) {
  const r = await runCli(args, { env: env(), timeoutMs: 90_000 });
  return { ...r, json: r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined };
}

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-budget-actions-', slack: true });
  ec2 = new EC2Client(world.aws.clientConfig);
  rds = new RDSClient(world.aws.clientConfig);
  asg = new AutoScalingClient(world.aws.clientConfig);
  ids.dev = await launch('api-dev', { env: 'dev' });
  ids.guarded = await launch('db-dev', { env: 'staging', 'Cost-Watch:Protect': 'True' });
  ids.stuck = await launch('stuck-dev', { env: 'dev' }, true);
  ids.prod = await launch('api-prod', { env: 'prod' });
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'dev-db',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      AllocatedStorage: 20,
      MasterUsername: 'admin1',
      MasterUserPassword: 'password123',
      Tags: tags({ env: 'dev' }),
    }),
  );
  await asg.send(
    new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'lc', ImageId: 'ami-12c6146b', InstanceType: 't3.micro' }),
  );
  await asg.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'dev-workers',
      LaunchConfigurationName: 'lc',
      MinSize: 1,
      MaxSize: 4,
      DesiredCapacity: 2,
      AvailabilityZones: ['us-east-1a'],
      Tags: tags({ env: 'dev' }).map((t) => ({ ...t, PropagateAtLaunch: true })),
    }),
  );
  await new BudgetsClient(world.aws.clientConfig).send(
    new CreateBudgetCommand({ AccountId: world.aws.account.accountId, Budget: monthlyCostBudget('team-web', 1000, 950, 1100) }),
  );
}, 120_000);
afterAll(() => world?.stop());

describe('budget actions in the budgets job', SLOW, () => {
  it('a dry run prints the plan (status planned), protected resources listed, and changes and stores nothing', async () => {
    const file = await config({ actions: [SCALE_DOWN], approval: 'auto' });
    const r = await cli(['run', 'budgets', '--config', file, '--json', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const [plan] = (r.json as BudgetsResult).actions;
    expect(plan).toMatchObject({ action: 'dev-down', budget: 'team-web', status: 'planned', account: null });
    const byId = new Map(plan!.resources.map((x) => [x.id, x.state]));
    expect(byId.get(ids.dev!)).toBe('planned');
    expect(byId.get(ids.guarded!)).toBe('protected');
    expect(byId.has(ids.prod!)).toBe(false);
    expect([byId.get('dev-db'), byId.get('dev-workers')]).toEqual(['planned', 'planned']);
    // m5.large ×2 ($70.08 each) + db.t3.micro + the group's two t3.micro: priced from the waste rules' tables.
    expect(plan!.estimatedMonthlyEffect).toBeGreaterThan(140);
    expect(r.stderr).toMatch(/Budget action dev-down/);
    expect([await stateOf(ids.dev!), await dbStatus(), await groupSize()]).toEqual(['running', 'available', [1, 2, 4]]);
    expect((await cli(['actions', '--config', file, '--json'])).json).toEqual({ actions: [] });
  });

  it('applies once with approval "auto": one instance that cannot be stopped fails alone, protected ones stay; undo restores', async () => {
    const file = await config({ actions: [SCALE_DOWN], approval: 'auto' });
    const first = await cli(['run', 'budgets', '--config', file, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const record = (first.json as BudgetsResult).actions[0]!;
    expect(record.status).toBe('failed');
    const state = (id: string) => record.resources.find((x) => x.id === id);
    expect(state(ids.dev!)).toMatchObject({ state: 'applied', before: { state: 'running' } });
    expect(state(ids.stuck!)).toMatchObject({ state: 'failed', error: expect.stringMatching(/disableApiStop/) });
    expect(state(ids.guarded!)?.state).toBe('protected');
    expect(state('dev-workers')).toMatchObject({ state: 'applied', before: { min: 1, desired: 2, max: 4 } });
    expect([await stateOf(ids.dev!), await stateOf(ids.stuck!), await stateOf(ids.guarded!)]).toEqual(['stopped', 'running', 'running']);
    expect([await dbStatus(), await groupSize()]).toEqual(['stopped', [0, 0, 4]]);
    expect(world.slack.messages.at(-1)?.text).toMatch(/Budget action dev-down/);

    const again = await cli(['run', 'budgets', '--config', file, '--json']);
    expect((again.json as BudgetsResult).actions).toEqual([]);
    const listed = (await cli(['actions', '--config', file, '--json'])).json as { actions: ActionRecord[] };
    expect(listed.actions.map((a) => [a.id, a.status, a.by])).toEqual([[record.id, 'failed', 'auto']]);

    const undo = await cli(['actions', 'undo', record.id, '--config', file, '--json']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.json.action.status).toBe('restored');
    expect([await stateOf(ids.dev!), await dbStatus(), await groupSize()]).toEqual(['running', 'available', [1, 2, 4]]);
    const twice = await cli(['actions', 'undo', record.id, '--config', file]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/was never applied \(status restored\)/);
  });

  it('two runs at once propose and apply it once', async () => {
    const file = await config({ actions: [SCALE_DOWN], approval: 'auto' });
    Object.assign(process.env, env());
    const loaded = parseConfig(JSON.parse(readFileSync(file, 'utf8')));
    const ddb = serialDynamo(world.ddb);
    const runOnce = () =>
      budgetsJob.run(
        createContext({ config: loaded, log: silentLogger, aws: new AwsClients(process.env, { ...ALL_CLIENTS, dynamo: () => ddb }) }),
        {},
      );
    const [a, b] = await Promise.all([runOnce(), runOnce()]);
    expect([...a.actions, ...b.actions].map((x) => x.action)).toEqual(['dev-down']);
    const listed = (await cli(['actions', '--config', file, '--json'])).json as { actions: ActionRecord[] };
    expect(listed.actions).toHaveLength(1);
    expect(listed.actions[0]!.history.map((h) => h.status)).toEqual(['approved', 'failed']);
    const undo = await cli(['actions', 'undo', listed.actions[0]!.id, '--config', file]);
    expect(undo.code, undo.stderr + undo.stdout).toBe(0);
  });

  it('with approval "slack" proposes it in Slack and changes nothing until approved', async () => {
    const file = await config({ actions: [SCALE_DOWN], approvers: [{ upTo: 500, slackUsers: ['U0LEAD'] }, { slackUsers: ['U0CTO'] }] });
    const r = await cli(['run', 'budgets', '--config', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((r.json as BudgetsResult).actions.map((a) => [a.status, a.by])).toEqual([['proposed', 'cost-watch']]);
    expect(world.slack.messages.at(-1)?.text).toMatch(/dev-down.*proposed/);
    expect(await stateOf(ids.dev!)).toBe('running');
  });

  it('actions --help and a bad subcommand', async () => {
    const help = await cli(['actions', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/npx cost-watch actions undo <id>/);
    const bad = await cli(['actions', 'redo', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown subcommand "redo"/);
  });
});
