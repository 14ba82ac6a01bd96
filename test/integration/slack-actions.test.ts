import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AnyBlock, Button } from '@slack/types';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { channelDeps, type JobContext } from '../../shared/jobs/common/context.js';
import { DynamoLedger } from '../../shared/ledger/dynamo-ledger.js';
import { MuteStore } from '../../shared/ledger/mutes.js';
import type { Logger } from '../../shared/log.js';
import { actionKindOf } from '../../shared/notify/actions.js';
import { present, slackChannel } from '../../shared/notify/channels.js';
import { dispatch } from '../../shared/notify/dispatch.js';
import type { Alert } from '../../shared/alerts/alert.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction, type SlackActionsDeps } from '../../shared/slack-actions/handler.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const DAY = '2026-11-20';
const NEXT = '2026-11-21';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const SECRET = 'test-signing-secret-0123456789';
const TABLE = 'ledger-actions';

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let ddb: DynamoDBClient;
let file: string;
let deps: SlackActionsDeps;
const logs: string[] = [];

const slackEnv = () => ({
  SLACK_API_URL: slack.url,
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SECRET,
  COST_WATCH_SLACK_TIMEOUT_MS: '1500',
});
const cli = (args: string[]) =>
  runCli(args, { env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, ...slackEnv() }, timeoutMs: 60_000 });

async function daily(date: string) {
  const r = await cli(['run', 'daily-spend', '--date', date, '--config', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    deliveries: { channel: string; alertId: string; status: string }[];
    spikes: { key: string; date: string }[];
  };
}

/** Every item of the ledger table, for "nothing changed". */
async function snapshot(): Promise<string> {
  const out = await ddb.send(new ScanCommand({ TableName: TABLE }));
  return JSON.stringify((out.Items ?? []).sort((a, b) => a.pk!.S!.localeCompare(b.pk!.S!)));
}

const post = (req: { headers: Record<string, string>; body: string }) => handleSlackAction({ headers: req.headers, body: req.body }, deps);

function click(button: Pick<Button, 'action_id' | 'value' | 'url'>, message = slack.messages.at(-1)!) {
  const posted = { text: message.text, blocks: message.blocks };
  return signRequest(SECRET, formBody(clickPayload(button, { channel: message.channel, message: posted })));
}

const buttonOf = (kind: string, blocks: AnyBlock[] = slack.messages.at(-1)!.blocks, nth = 0) =>
  buttonsOf(blocks).filter((b) => actionKindOf(b.action_id!) === kind)[nth]!;

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  slack = await startFakeSlack();
  ddb = new DynamoDBClient(aws.clientConfig);
  await createLedgerTable(ddb, TABLE);
  const dir = mkdtempSync(join(tmpdir(), 'cw-actions-'));
  file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      notify: { slack: { channel: '#cost-alerts' } },
      ledgerTable: TABLE,
      dailySpend: { recheckDays: 0, baseline: 'previous-day' },
    }),
  );
  const log: Logger = { info: (m) => logs.push(m), warn: (m) => logs.push(m), progress: () => undefined };
  deps = actionsDeps(
    parseConfig({ notify: { slack: { channel: '#cost-alerts' } }, ledgerTable: TABLE }),
    {
      dynamo: ddb,
      secrets: () => new SecretsManagerClient(aws.clientConfig),
      costExplorer: () => new CostExplorerClient({ ...aws.clientConfig, endpoint: ce.url }),
    },
    log,
    slackEnv(),
  );
  ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
  await daily(DAY);
});

afterAll(async () => {
  await Promise.all([ce?.stop(), slack?.stop()]);
});

beforeEach(() => {
  slack.up();
  slack.updates.length = 0;
  logs.length = 0;
});

describe('buttons on a job’s alert', () => {
  it('posts Acknowledge and a Mute per alert, and records what the alert is about and where it went', async () => {
    const message = slack.messages[0]!;
    const kinds = buttonsOf(message.blocks).map((b) => actionKindOf(b.action_id!));
    expect(kinds[0]).toBe('acknowledge');
    expect(kinds.filter((k) => k === 'mute').length).toBeGreaterThanOrEqual(2);
    const mute = buttonsOf(message.blocks).find((b) => b.text.text.includes(EC2))!;
    const item = (await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: mute.value! } } }))).Item!;
    expect(item.job!.S).toBe('daily-spend');
    expect(item.scope!.S).toBe('service');
    expect(item.key!.S).toBe(EC2);
    expect(item.account!.NULL).toBe(true);
    expect(item.msgChannel!.S).toBe(message.channel);
    expect(item.msgTs!.S).toMatch(/^\d+\.\d{6}$/);
  });
});

describe('the actions endpoint refuses what Slack did not sign (401, nothing changed)', () => {
  const cases: [string, () => { headers: Record<string, string>; body: string }][] = [
    [
      'no signature',
      () => {
        const r = click(buttonOf('mute'));
        const { 'x-slack-signature': _s, ...headers } = r.headers;
        return { headers, body: r.body };
      },
    ],
    [
      'a wrong signature',
      () => {
        const r = click(buttonOf('mute'));
        return { ...r, headers: { ...r.headers, 'x-slack-signature': `v0=${'a'.repeat(64)}` } };
      },
    ],
    ['another secret', () => signRequest('another-secret', formBody(clickPayload(buttonOf('mute'))))],
    [
      'a tampered body',
      () => {
        const r = click(buttonOf('mute'));
        return { ...r, body: r.body.replace('alice', 'mallory') };
      },
    ],
    ['a timestamp 6 minutes old', () => signRequest(SECRET, formBody(clickPayload(buttonOf('mute'))), new Date(Date.now() - 360_000))],
    ['a timestamp 6 minutes ahead', () => signRequest(SECRET, formBody(clickPayload(buttonOf('mute'))), new Date(Date.now() + 360_000))],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const before = await snapshot();
    const res = await post(make());
    expect(res.statusCode).toBe(401);
    expect(await snapshot()).toBe(before);
    expect(slack.updates).toHaveLength(0);
  });
});

describe('signed but not acceptable (400, nothing changed)', () => {
  const signed = (body: string) => signRequest(SECRET, body);
  const cases: [string, () => { headers: Record<string, string>; body: string }][] = [
    ['a body without payload', () => signed('hello=world')],
    ['a payload that is not JSON', () => signed('payload=%7Bnot-json')],
    ['a payload without a user', () => signed(formBody({ ...clickPayload(buttonOf('mute')), user: undefined }))],
    ['a user id that could inject a mention', () => signed(formBody(clickPayload(buttonOf('mute'), { user: { id: 'U1> <!channel' } })))],
    [
      'a button value naming no ledger entry',
      () => click({ ...buttonOf('mute'), value: 'daily-spend|service|Made Up|2026-11-20|critical#slack' }),
    ],
    ['a button value naming a mute, not an alert', () => click({ ...buttonOf('mute'), value: `mute|daily-spend|service|-|${EC2}` })],
    ['a button without a value', () => click({ action_id: buttonOf('mute').action_id })],
    ['Expected on an alert that carries no anomaly', () => click({ action_id: 'cost-watch:expected:0', value: buttonOf('mute').value })],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const before = await snapshot();
    const res = await post(make());
    expect(res.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
    expect(slack.updates).toHaveLength(0);
  });

  it('a link button (Cost Explorer) is 200 and changes nothing', async () => {
    const before = await snapshot();
    const res = await post(click({ action_id: 'open-cost-explorer', url: 'https://console.aws.amazon.com/costmanagement/home' }));
    expect(res.statusCode).toBe(200);
    expect(await snapshot()).toBe(before);
    expect(slack.updates).toHaveLength(0);
  });
});

describe('clicks that act', () => {
  it('Acknowledge updates the original message naming the user and records it; the same request again is a replay (401)', async () => {
    const request = click(buttonOf('acknowledge'));
    const res = await post(request);
    expect(res.statusCode).toBe(200);
    expect(slack.updates).toHaveLength(1);
    const update = slack.updates[0]!;
    expect(update.channel).toBe(slack.messages[0]!.channel);
    expect(update.text).toContain('Acknowledged by <@U0ONCALL>');
    expect(buttonsOf(update.blocks!).some((b) => actionKindOf(b.action_id!) === 'acknowledge')).toBe(false);
    const item = (await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: buttonOf('acknowledge').value! } } }))).Item!;
    expect(item.ackBy!.S).toContain('U0ONCALL');

    const before = await snapshot();
    expect((await post(request)).statusCode).toBe(401);
    expect(await snapshot()).toBe(before);
    expect(slack.updates).toHaveLength(1);
  });

  it('Mute keeps the mute even when Slack is unreachable for the update, and logs the failure', async () => {
    const s3Button = buttonsOf(slack.messages[0]!.blocks).find(
      (b) => actionKindOf(b.action_id!) === 'mute' && b.text.text.includes('Simple Storage'),
    )!;
    slack.down();
    const res = await post(click(s3Button));
    expect(res.statusCode).toBe(200);
    expect(logs.join('\n')).toMatch(/chat\.update .* failed \(the mute holds\)/);
    const mutes = await cli(['mutes', '--json', '--config', file]);
    expect(JSON.parse(mutes.stdout).mutes.map((m: { key: string }) => m.key)).toContain('Amazon Simple Storage Service');
    slack.up();
    expect((await cli(['unmute', 'daily-spend', 'Amazon Simple Storage Service', '--config', file])).stdout).toContain('unmuted');
  });

  it('Mute updates the message with who muted what until when, and the next run leaves the muted service out', async () => {
    const ec2Button = buttonsOf(slack.messages[0]!.blocks).find((b) => actionKindOf(b.action_id!) === 'mute' && b.text.text.includes(EC2))!;
    const res = await post(click(ec2Button));
    expect(res.statusCode).toBe(200);
    const update = slack.updates.at(-1)!;
    expect(update.text).toMatch(
      /<@U0ONCALL> muted daily-spend service \*Amazon Elastic Compute Cloud - Compute\* until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    );
    expect(buttonsOf(update.blocks!).some((b) => b.value === ec2Button.value && actionKindOf(b.action_id!) === 'mute')).toBe(false);

    const list = JSON.parse((await cli(['mutes', '--json', '--config', file])).stdout);
    const mute = list.mutes.find((m: { key: string }) => m.key === EC2);
    expect(mute).toMatchObject({ job: 'daily-spend', scope: 'service', account: null, by: expect.stringContaining('alice') });
    const days = (Date.parse(mute.until) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // The next day EC2 spikes again: the alert is computed, listed, and not sent.
    ce.setDataset(dailySpendScenario({ spikeDay: NEXT }));
    const posted = slack.messages.length;
    const next = await daily(NEXT);
    const ec2 = next.deliveries.filter((d) => d.alertId.includes(EC2));
    expect(ec2.length).toBeGreaterThan(0);
    expect(ec2.every((d) => d.status === 'muted')).toBe(true);
    expect(next.spikes.some((s) => s.key === EC2 && s.date === NEXT)).toBe(true);
    // EC2 was the day's only new alert: nothing is posted at all.
    expect(slack.messages, JSON.stringify(next.deliveries)).toHaveLength(posted);
  });
});

describe('Expected on an alert carrying an AWS anomaly', () => {
  it('sends PLANNED_ACTIVITY feedback to Cost Explorer and updates the message', async () => {
    const config = parseConfig({ notify: { slack: { channel: '#cost-alerts' } }, ledgerTable: TABLE });
    const ctx = { config, aws: new AwsClients(process.env, ALL_CLIENTS), env: slackEnv() } as unknown as JobContext;
    const alert = {
      alertId: `daily-spend|service|Amazon Relational Database Service|${DAY}|critical`,
      severity: 'critical',
      subject: { job: 'daily-spend', scope: 'service', key: 'Amazon Relational Database Service', account: null },
      anomalyId: 'anomaly-0001',
    } as Alert;
    await dispatch({
      alerts: [alert],
      channels: present([slackChannel<Alert>(channelDeps(ctx), () => ({ text: 'RDS spike', blocks: [] }))]),
      ledger: new DynamoLedger(ddb, { table: TABLE }),
      mutes: new MuteStore(ddb, TABLE),
      dryRun: false,
    });
    const expected = buttonOf('expected');
    expect(expected.text.text).toBe('Expected (tell AWS)');

    // AWS refusing the feedback: 502, the message is not updated, the user can click again.
    ce.failNext('AccessDeniedException', 1, 'not authorized to perform: ce:ProvideAnomalyFeedback', 'ProvideAnomalyFeedback');
    const message = slack.messages.at(-1)!;
    const failed = signRequest(SECRET, formBody({ ...clickPayload(expected, { channel: message.channel }), trigger_id: 'first-try' }));
    expect((await post(failed)).statusCode).toBe(502);
    expect(slack.updates).toHaveLength(0);
    expect(ce.anomalyFeedback).toEqual([]);

    const res = await post(click(expected));

    expect(res.statusCode).toBe(200);
    expect(ce.anomalyFeedback).toEqual([{ anomalyId: 'anomaly-0001', feedback: 'PLANNED_ACTIVITY' }]);
    expect(slack.updates.at(-1)!.text).toContain('as expected');
  });
});

describe('CLI', () => {
  it('mute, mutes --json, unmute round trip with --account, --scope and --days', async () => {
    const muted = await cli(['mute', 'budgets', 'team-a', '--account', '111111111111', '--days', '3', '--force', '--config', file]);
    expect(muted.code, muted.stderr).toBe(0);
    expect(muted.stdout).toMatch(/muted budgets budget "team-a" \(account 111111111111\) until /);
    const listed = JSON.parse((await cli(['mutes', '--json', '--config', file])).stdout);
    expect(listed.mutes.find((m: { key: string }) => m.key === 'team-a')).toMatchObject({
      job: 'budgets',
      scope: 'budget',
      account: '111111111111',
      by: expect.stringMatching(/^cli/),
    });
    expect((await cli(['unmute', 'budgets', 'team-a', '--account', '111111111111', '--config', file])).code).toBe(0);
    const after = JSON.parse((await cli(['mutes', '--json', '--config', file])).stdout);
    expect(after.mutes.some((m: { key: string }) => m.key === 'team-a')).toBe(false);
  }, 120_000);

  it('--days out of range and an unknown job exit 2 naming the argument, writing nothing', async () => {
    const before = await snapshot();
    for (const [args, name] of [
      [['mute', 'daily-spend', EC2, '--days', '0'], '--days'],
      [['mute', 'daily-spend', EC2, '--days', '-1'], '--days'],
      [['mute', 'daily-spend', EC2, '--days', '91'], '--days'],
      [['mute', 'weekly', EC2], '<job>'],
    ] as const) {
      const r = await cli([...args, '--config', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(name);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('buttons on every job that posts to Slack', () => {
  it('budgets and idle-resources alerts carry Acknowledge and Mute, valued by ledger entries that name their subjects', async () => {
    const { createBudgets, demoBudgets } = await import('../../scripts/demo/budgets.js');
    const { seedIdleResources, DEMO_IDLE_RULES } = await import('../../scripts/demo/idle-resources.js');
    await createBudgets(aws.env, demoBudgets());
    await seedIdleResources(aws.env, { bucket: `cw-actions-${aws.account.accountId}` });
    const jobsConfig = join(mkdtempSync(join(tmpdir(), 'cw-actions-jobs-')), 'config.json');
    writeFileSync(
      jobsConfig,
      JSON.stringify({
        notify: { slack: { channel: '#cost-alerts' } },
        ledgerTable: TABLE,
        idle: { regions: ['us-east-1'], rules: DEMO_IDLE_RULES },
      }),
    );
    for (const [job, scopes] of [
      ['budgets', ['budget']],
      [
        'idle-resources',
        [
          'instance',
          'volume',
          'unassociated-eip',
          'gp2-volume',
          'orphaned-snapshot',
          'stopped-instance',
          'idle-nat-gateway',
          'idle-load-balancer',
          'idle-rds',
        ],
      ],
    ] as const) {
      const before = slack.messages.length;
      const r = await cli(['run', job, '--config', jobsConfig, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const message = slack.messages.at(before)!;
      expect(message, `${job} posted`).toBeDefined();
      const buttons = buttonsOf(message.blocks);
      expect(buttons.map((b) => actionKindOf(b.action_id!))).toContain('acknowledge');
      const mute = buttons.find((b) => actionKindOf(b.action_id!) === 'mute')!;
      const item = (await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: mute.value! } } }))).Item!;
      expect(item.job!.S).toBe(job);
      expect(scopes as readonly string[]).toContain(item.scope!.S);
      expect(item.msgTs!.S).toBeDefined();
    }
  }, 120_000);
});
