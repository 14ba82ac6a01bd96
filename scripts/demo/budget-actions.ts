import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
  DescribeAutoScalingGroupsCommand,
} from '@aws-sdk/client-auto-scaling';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import { ActionsAccess } from '../../shared/actions/access.js';
import { planAction } from '../../shared/actions/plan.js';
import { BUDGET_ACTION_IDS } from '../../shared/alerts/budget-action-ids.js';
import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { parseConfig } from '../../shared/config/load.js';
import { DynamoActionRecords } from '../../shared/ledger/action-records.js';
import { actionMessage } from '../../shared/messages/action-message.js';
import { createSlackClient } from '../../shared/notify/slack.js';
import { renderSlack } from './render-slack.js';
import { serveActions, SIGNING_SECRET, type ActionsDemoWorld } from './slack-actions.js';

const REGION = 'us-east-1';
const APPROVERS = [{ upTo: 500, slackUsers: ['U0LEAD'] }, { upTo: 5000, slackUsers: ['U0VPENG'] }, { slackUsers: ['U0CTO'] }];

export interface BudgetActionsDemo extends ActionsDemoWorld {
  readonly accountId: string;
  readonly outDir: string;
}

/** Two running dev instances and a dev Auto Scaling group of 2, all tagged env=dev; one prod instance that must stay. */
async function seed(env: Record<string, string>): Promise<{ instances: string[]; group: string }> {
  const config = { region: REGION, credentials: credentialsOf(env) };
  const ec2 = new EC2Client({ ...config, endpoint: env.AWS_ENDPOINT_URL_EC2 ?? env.AWS_ENDPOINT_URL });
  const tags = (value: string) => [{ ResourceType: 'instance' as const, Tags: [{ Key: 'env', Value: value }] }];
  const run = (type: string, value: string) =>
    ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        MinCount: 1,
        MaxCount: 1,
        InstanceType: type as never,
        TagSpecifications: tags(value),
      }),
    );
  const dev = [await run('m5.large', 'dev'), await run('t3.medium', 'dev')].map((r) => r.Instances![0]!.InstanceId!);
  await run('m5.large', 'prod');
  const asg = new AutoScalingClient({ ...config, endpoint: env.AWS_ENDPOINT_URL_AUTO_SCALING ?? env.AWS_ENDPOINT_URL });
  await asg.send(
    new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'dev-web', ImageId: 'ami-12c6146b', InstanceType: 't3.small' }),
  );
  await asg.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'dev-web',
      LaunchConfigurationName: 'dev-web',
      MinSize: 1,
      MaxSize: 4,
      DesiredCapacity: 2,
      AvailabilityZones: [`${REGION}a`],
      Tags: [{ Key: 'env', Value: 'dev', PropagateAtLaunch: true }],
    }),
  );
  return { instances: dev, group: 'dev-web' };
}

const credentialsOf = (env: Record<string, string>) => ({
  accessKeyId: env.AWS_ACCESS_KEY_ID!,
  secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
});

/** What the demo's resources look like now: each dev instance's state and the group's sizes. */
async function stateLine(env: Record<string, string>, seeded: { instances: string[]; group: string }): Promise<string> {
  const config = { region: REGION, credentials: credentialsOf(env) };
  const out = await new EC2Client({ ...config, endpoint: env.AWS_ENDPOINT_URL_EC2 ?? env.AWS_ENDPOINT_URL }).send(
    new DescribeInstancesCommand({ InstanceIds: seeded.instances }),
  );
  const states = out.Reservations!.flatMap((r) => r.Instances!).map((i) => `${i.InstanceId} ${i.State!.Name}`);
  const asg = new AutoScalingClient({ ...config, endpoint: env.AWS_ENDPOINT_URL_AUTO_SCALING ?? env.AWS_ENDPOINT_URL });
  const g = (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [seeded.group] }))).AutoScalingGroups![0]!;
  return `${states.join(', ')}; ${seeded.group} min ${g.MinSize} desired ${g.DesiredCapacity} max ${g.MaxSize}`;
}

/**
 * The "dev" budget is at 92 % of its limit: the dev-down action (scale-down at 90 %) plans the two tagged dev
 * instances and the dev Auto Scaling group and is proposed in Slack; the team lead's Approve click goes through
 * `cost-watch slack-actions --port` (signed, as Slack sends it) and applies it; Undo restores it.
 */
export async function showBudgetActions(world: BudgetActionsDemo, write: (text: string) => void): Promise<void> {
  const heading = (t: string) => write(`\n\x1b[1m━━ ${t} ━━\x1b[0m\n`);
  const seeded = await seed(world.env);
  const raw = {
    notify: { slack: { channel: '#cost-alerts' } },
    ledgerTable: 'cost-watch-ledger',
    idle: { regions: [REGION] },
    budgets: { actions: [{ id: 'dev-down', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev'] } } }], approvers: APPROVERS },
  };
  const configFile = join(world.outDir, 'demo.budget-actions.config.json');
  writeFileSync(configFile, `${JSON.stringify(raw, null, 2)}\n`);
  const config = parseConfig(raw);
  heading('budget actions: the "dev" budget is at 92.0 % of its limit; dev-down (scale-down at 90 %) is planned');
  write(`before: ${await stateLine(world.env, seeded)}\n`);
  const saved = { ...process.env };
  Object.assign(process.env, world.env); // the SDK's default chain (credentials, endpoints) of the in-process planner
  try {
    const aws = new AwsClients(process.env, ALL_CLIENTS);
    const period = { unit: 'MONTHLY', start: new Date().toISOString().slice(0, 8) + '01', endExclusive: '2099-01-01' };
    const input = { action: config.budgets.actions[0]!, pct: 92, budget: 'dev', account: null, accountId: world.accountId, period };
    const plan = { ...input, restoreAtPeriodEnd: true, now: new Date() } as Parameters<typeof planAction>[0];
    const record = await planAction(plan, new ActionsAccess(aws, config, process.env), aws, 'proposed', 'cost-watch');
    await new DynamoActionRecords(
      new DynamoDBClient({ region: REGION, credentials: credentialsOf(world.env) }),
      'cost-watch-ledger',
    ).create(record);
    const message = actionMessage(record, { currency: 'USD', approvers: APPROVERS, approval: 'slack' });
    const slackClient = createSlackClient('xoxb-demo-token', { timeoutMs: 5000, retries: 0 }, world.env);
    const posted = await slackClient.chat.postMessage({ channel: '#cost-alerts', ...message });
    write(`${renderSlack('#cost-alerts', message.blocks as never)}\n`);
    await clicks({ ...world, configFile }, record.id, posted.ts!, seeded, heading, write);
  } finally {
    process.env = saved;
  }
}

async function clicks(
  world: BudgetActionsDemo,
  id: string,
  ts: string,
  seeded: { instances: string[]; group: string },
  heading: (t: string) => void,
  write: (text: string) => void,
): Promise<void> {
  const server = await serveActions(world);
  const click = async (kind: 'approve' | 'undo', user: string) => {
    const payload = clickPayload({ action_id: BUDGET_ACTION_IDS[kind], value: id }, { user: { id: user }, channel: '#cost-alerts', ts });
    const req = signRequest(SIGNING_SECRET, formBody({ ...payload, trigger_id: `${user}-${kind}` }));
    const res = await fetch(server.url, { method: 'POST', body: req.body, headers: req.headers });
    await settle(world.slack);
    return res.status;
  };
  try {
    heading('Slack: an intern clicks Approve (not an approver)');
    write(`HTTP ${await click('approve', 'U0INTERN')}; only they see: ${world.slack.ephemerals.at(-1)?.text ?? '(nothing)'}\n`);
    write(`unchanged: ${await stateLine(world.env, seeded)}\n`);
    heading('Slack: the team lead (tier up to $500) clicks Approve');
    write(`HTTP ${await click('approve', 'U0LEAD')}\n`);
    const applied = world.slack.updates.at(-1);
    if (applied) write(`${renderSlack('#cost-alerts', applied.blocks as never)}\n`);
    write(`after approve: ${await stateLine(world.env, seeded)}\n`);
    heading('Slack: the team lead clicks Undo');
    write(`HTTP ${await click('undo', 'U0LEAD')}\n`);
    const undone = world.slack.updates.at(-1);
    if (undone) write(`${buttonsOf(undone.blocks ?? []).length ? '' : '(no buttons left) '}${undone.text}\n`);
    write(`after undo: ${await stateLine(world.env, seeded)}\n`);
  } finally {
    server.stop();
  }
}

/** The server answers first and applies after: wait until the message update (or the ephemeral answer) has arrived. */
async function settle(slack: FakeSlack): Promise<void> {
  const seen = slack.updates.length + slack.ephemerals.length;
  for (let i = 0; i < 100 && slack.updates.length + slack.ephemerals.length === seen; i++) await new Promise((r) => setTimeout(r, 100));
}
