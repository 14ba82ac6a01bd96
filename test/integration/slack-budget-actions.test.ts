import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import { ActionsAccess } from '../../shared/actions/access.js';
import { planAction } from '../../shared/actions/plan.js';
import { BUDGET_ACTION_IDS, type BudgetClick } from '../../shared/alerts/budget-action-ids.js';
import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import type { BudgetActionConfig } from '../../shared/config/budget-actions.js';
import { parseConfig } from '../../shared/config/load.js';
import type { CostWatchConfig } from '../../shared/config/schema.js';
import type { ActionRecord } from '../../shared/detect/actions/types.js';
import { DynamoActionRecords } from '../../shared/ledger/action-records.js';
import { actionMessage } from '../../shared/messages/action-message.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction, type SlackActionsDeps } from '../../shared/slack-actions/handler.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const SECRET = 'test-signing-secret-budget-actions';
const TABLE = 'ledger-budget-clicks';
const CHANNEL = 'C0BUDGETS';
const APPROVERS = [{ upTo: 500, slackUsers: ['U0LEAD'] }, { upTo: 5000, slackUsers: ['U0VPENG'] }, { slackUsers: ['U0CTO'] }];
const CONFIG = {
  notify: { slack: { channel: CHANNEL } },
  ledgerTable: TABLE,
  idle: { regions: ['us-east-1'] },
  budgets: { actions: [{ id: 'dev-down', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev'] } } }], approvers: APPROVERS },
};
const quiet = { info: () => undefined, warn: () => undefined, progress: () => undefined };

let aws: TestAws;
let slack: FakeSlack;
let ddb: DynamoDBClient;
let ec2: EC2Client;
let config: CostWatchConfig;
let clients: AwsClients;
let records: DynamoActionRecords;
let deps: SlackActionsDeps;
let seq = 0;
/** The SDK's default chain reads credentials and endpoints from process.env: moto's, for this file only. */
const saved = { ...process.env };

async function instanceStates(ids: string[]): Promise<string[]> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
  const states = new Map(out.Reservations!.flatMap((r) => r.Instances!).map((i) => [i.InstanceId!, i.State!.Name!]));
  return ids.map((id) => states.get(id)!);
}

/**
 * Two running instances tagged for this proposal only, planned by the real scale-down and stored as proposed,
 * then posted to Slack as the budgets job posts it. m5.4xlarge: $560.64 a month each, so the effect needs tier 2.
 */
async function proposal(instanceType = 't3.micro'): Promise<{ record: ActionRecord; ids: string[]; ts: string }> {
  seq += 1;
  const tags = [
    { Key: 'env', Value: 'dev' },
    { Key: 'run', Value: `r${seq}` },
  ];
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      MinCount: 2,
      MaxCount: 2,
      InstanceType: instanceType as 't3.micro',
      TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
    }),
  );
  const ids = run.Instances!.map((i) => i.InstanceId!);
  const action: BudgetActionConfig = { ...config.budgets.actions[0]!, do: { type: 'scale-down', tags: { run: [`r${seq}`] } } };
  const period = { unit: 'MONTHLY', start: '2026-12-01', endExclusive: '2027-01-01' };
  const input = {
    action,
    pct: 92,
    budget: `Monthly-${seq}`,
    account: null,
    accountId: aws.account.accountId,
    period,
    restoreAtPeriodEnd: true,
  };
  const access = new ActionsAccess(clients, config, aws.env);
  const record = await planAction({ ...input, now: new Date() } as never, access, clients, 'proposed', 'cost-watch');
  await records.create(record);
  const context = { currency: 'USD', approvers: APPROVERS, approval: 'slack' as const };
  const posted = await new WebClient('xoxb-test', { slackApiUrl: slack.url }).chat.postMessage({
    channel: CHANNEL,
    ...actionMessage(record, context),
  });
  return { record, ids, ts: posted.ts! };
}

function click(kind: BudgetClick, id: string, user: string, ts: string) {
  const payload = clickPayload({ action_id: BUDGET_ACTION_IDS[kind], value: id }, { user: { id: user }, channel: CHANNEL, ts });
  return signRequest(SECRET, formBody({ ...payload, trigger_id: `${user}-${kind}-${Math.random()}` }));
}

const status = async (id: string) => (await records.get(id))!.record.status;
const ephemeralTo = (user: string) => slack.ephemerals.filter((e) => e.user === user).at(-1)?.text ?? '';

beforeAll(async () => {
  aws = await awsEnvFor();
  Object.assign(process.env, aws.env);
  slack = await startFakeSlack();
  ddb = new DynamoDBClient(aws.clientConfig);
  ec2 = new EC2Client(aws.clientConfig);
  await createLedgerTable(ddb, TABLE);
  records = new DynamoActionRecords(ddb, TABLE);
  config = parseConfig(CONFIG);
  clients = new AwsClients(process.env, ALL_CLIENTS);
  const env = { ...aws.env, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET };
  const sdk = {
    aws: clients,
    dynamo: ddb,
    secrets: () => new SecretsManagerClient(aws.clientConfig),
    costExplorer: () => new CostExplorerClient(aws.clientConfig),
  };
  deps = actionsDeps(config, sdk, quiet, env);
  expect(deps.budgetActions).toBeDefined();
});

afterAll(async () => {
  process.env = saved;
  await slack?.stop();
});

describe('budget action buttons', () => {
  it('approve by a user of the covering tier applies it and updates the message with who approved, what changed and Undo', async () => {
    const { record, ids, ts } = await proposal();
    expect(record.estimatedMonthlyEffect).toBe(15.18);

    const answer = await handleSlackAction(click('approve', record.id, 'U0LEAD', ts), deps);

    expect(answer.statusCode).toBe(200);
    expect(await status(record.id)).toBe('applied');
    expect(await instanceStates(ids)).toEqual(['stopped', 'stopped']);
    const update = slack.updates.at(-1)!;
    expect(update.ts).toBe(ts);
    expect(JSON.stringify(update.blocks)).toContain('after approval by <@U0LEAD>');
    expect(JSON.stringify(update.blocks)).toContain(`\`${ids[0]}\` (us-east-1): state running → stopped · $7.59/month — changed`);
    expect(buttonsOf(update.blocks!).map((b) => b.action_id)).toEqual([BUDGET_ACTION_IDS.undo]);
  });

  it('refuses a click from a user outside the approvers with an ephemeral answer, and changes nothing', async () => {
    const { record, ids, ts } = await proposal();
    const updates = slack.updates.length;

    const answer = await handleSlackAction(click('approve', record.id, 'U0INTERN', ts), deps);

    expect(answer.statusCode).toBe(200);
    expect(ephemeralTo('U0INTERN')).toContain('You may not approve budget action dev-down: only <@U0LEAD>');
    expect(await status(record.id)).toBe('proposed');
    expect(await instanceStates(ids)).toEqual(['running', 'running']);
    expect(slack.updates).toHaveLength(updates);
  });

  it('refuses a lower tier the approval of an effect a higher tier covers, but lets the higher tier approve a lower one', async () => {
    const big = await proposal('m5.4xlarge');
    await handleSlackAction(click('approve', big.record.id, 'U0LEAD', big.ts), deps);
    expect(ephemeralTo('U0LEAD')).toContain('only <@U0VPENG> (tier 2, up to $5,000.00), or a higher tier: <@U0CTO> may');
    expect(await status(big.record.id)).toBe('proposed');

    const small = await proposal();
    await handleSlackAction(click('approve', small.record.id, 'U0CTO', small.ts), deps);
    expect(await status(small.record.id)).toBe('applied');
  });

  it('refuses a replayed click (401) and a forged one (401), changing nothing', async () => {
    const { record, ids, ts } = await proposal();
    const request = click('reject', record.id, 'U0INTERN', ts);
    expect((await handleSlackAction(request, deps)).statusCode).toBe(200);
    const forged = click('approve', record.id, 'U0LEAD', ts);
    forged.headers['x-slack-signature'] = forged.headers['x-slack-signature']!.replace(/.$/, (c) => (c === '0' ? '1' : '0'));

    expect((await handleSlackAction(request, deps)).statusCode).toBe(401);
    expect((await handleSlackAction(forged, deps)).statusCode).toBe(401);
    expect(await status(record.id)).toBe('proposed');
    expect(await instanceStates(ids)).toEqual(['running', 'running']);
  });

  it('answers an approve of an applied action, or of a rejected one, clearly and changes nothing', async () => {
    const applied = await proposal();
    await handleSlackAction(click('approve', applied.record.id, 'U0LEAD', applied.ts), deps);
    await handleSlackAction(click('approve', applied.record.id, 'U0VPENG', applied.ts), deps);
    expect(ephemeralTo('U0VPENG')).toContain(`action ${applied.record.id} is applied: it cannot be approved now. Nothing was changed.`);

    const rejected = await proposal();
    await handleSlackAction(click('reject', rejected.record.id, 'U0LEAD', rejected.ts), deps);
    expect(await status(rejected.record.id)).toBe('rejected');
    expect(JSON.stringify(slack.updates.at(-1)!.blocks)).toContain('Rejected by <@U0LEAD>');
    await handleSlackAction(click('approve', rejected.record.id, 'U0CTO', rejected.ts), deps);
    expect(ephemeralTo('U0CTO')).toContain('is rejected: it cannot be approved now');
    expect(await status(rejected.record.id)).toBe('rejected');
    expect(await instanceStates(rejected.ids)).toEqual(['running', 'running']);
  });

  it('undo restores what was changed and updates the message; undo of an action never applied changes nothing', async () => {
    const { record, ids, ts } = await proposal();
    await handleSlackAction(click('approve', record.id, 'U0LEAD', ts), deps);

    await handleSlackAction(click('undo', record.id, 'U0VPENG', ts), deps);

    expect(await status(record.id)).toBe('restored');
    expect(await instanceStates(ids)).toEqual(['running', 'running']);
    expect(JSON.stringify(slack.updates.at(-1)!.blocks)).toContain('Undone by <@U0VPENG>');
    expect(buttonsOf(slack.updates.at(-1)!.blocks!)).toEqual([]);

    const never = await proposal();
    await handleSlackAction(click('undo', never.record.id, 'U0LEAD', never.ts), deps);
    expect(ephemeralTo('U0LEAD')).toContain(`action ${never.record.id} was never applied (status proposed): nothing to undo`);
    expect(await status(never.record.id)).toBe('proposed');
  });

  it('answers before applying when the caller defers work, then applies and updates the message', async () => {
    const { record, ids, ts } = await proposal();
    const deferred: Array<() => Promise<void>> = [];
    const updates = slack.updates.length;

    const answer = await handleSlackAction(click('approve', record.id, 'U0LEAD', ts), { ...deps, defer: (w) => void deferred.push(w) });

    expect(answer.statusCode).toBe(200);
    expect(await status(record.id)).toBe('proposed');
    expect(await instanceStates(ids)).toEqual(['running', 'running']);
    expect(deferred).toHaveLength(1);
    await deferred[0]!();
    expect(await status(record.id)).toBe('applied');
    expect(slack.updates).toHaveLength(updates + 1);
  });

  it('answers 400 to a button naming no budget action, and changes nothing', async () => {
    const answer = await handleSlackAction(click('approve', 'dev-down-nosuchrecord', 'U0LEAD', '1.000001'), deps);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('no such budget action');
  });
});
