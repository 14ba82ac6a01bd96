import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Button } from '@slack/types';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { listenLocal } from '../../emulators/http.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { channelDeps, type JobContext } from '../../shared/jobs/common/context.js';
import { DynamoLedger } from '../../shared/ledger/dynamo-ledger.js';
import { NO_MUTES } from '../../shared/ledger/mutes.js';
import { actionKindOf } from '../../shared/notify/actions.js';
import { present, slackChannel } from '../../shared/notify/channels.js';
import { dispatch } from '../../shared/notify/dispatch.js';
import type { Alert } from '../../shared/alerts/alert.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction, type SlackActionsDeps } from '../../shared/slack-actions/handler.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const DAY = '2026-11-20';
const SECRET = 'test-signing-secret-clicks';
const TABLE = 'ledger-clicks';
const CONFIG = { notify: { slack: { channel: 'C0ALERTS' } }, ledgerTable: TABLE, dailySpend: { recheckDays: 0, baseline: 'previous-day' } };
const quiet = { info: () => undefined, warn: () => undefined, progress: () => undefined };

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let ddb: DynamoDBClient;
let deps: SlackActionsDeps;

const slackEnv = () => ({ SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET });
const clients = () => ({
  dynamo: ddb,
  secrets: () => new SecretsManagerClient(aws.clientConfig),
  costExplorer: () => new CostExplorerClient({ ...aws.clientConfig, endpoint: ce.url }),
});

function click(button: Pick<Button, 'action_id' | 'value'>, user: string, message = slack.messages.at(-1)!) {
  const payload = clickPayload(button, {
    user: { id: user },
    channel: message.channel,
    message: { text: message.text, blocks: message.blocks },
  });
  return signRequest(SECRET, formBody({ ...payload, trigger_id: `${user}-${button.action_id}` }));
}

const buttonOf = (kind: string, message = slack.messages.at(-1)!) =>
  buttonsOf(message.blocks).find((b) => actionKindOf(b.action_id!) === kind)!;

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  slack = await startFakeSlack();
  ddb = new DynamoDBClient(aws.clientConfig);
  await createLedgerTable(ddb, TABLE);
  const file = join(mkdtempSync(join(tmpdir(), 'cw-clicks-')), 'config.json');
  writeFileSync(file, JSON.stringify(CONFIG));
  ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
  const run = await runCli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json'], {
    env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, ...slackEnv() },
    timeoutMs: 60_000,
  });
  expect(run.code, run.stderr).toBe(0);
  deps = actionsDeps(parseConfig(CONFIG), clients(), quiet, slackEnv());
});

afterAll(async () => {
  await Promise.all([ce?.stop(), slack?.stop()]);
});

describe('two clicks on one message at the same time', () => {
  it('Acknowledge by one person and Mute by another both end up on the message', async () => {
    const message = slack.messages[0]!;
    const requests = [click(buttonOf('acknowledge', message), 'U0ALICE', message), click(buttonOf('mute', message), 'U0BOB', message)];

    const answers = await Promise.all(requests.map((r) => handleSlackAction(r, deps)));

    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const last = slack.updates.at(-1)!;
    expect(last.ts).toBe(message.ts);
    expect(last.text).toContain('Acknowledged by <@U0ALICE>');
    expect(last.text).toContain('<@U0BOB> muted');
    const left = buttonsOf(last.blocks!).map((b) => [actionKindOf(b.action_id!), b.value]);
    expect(left).not.toContainEqual(['acknowledge', buttonOf('acknowledge', message).value]);
    expect(left).not.toContainEqual(['mute', buttonOf('mute', message).value]);
    expect(JSON.stringify(last.blocks)).not.toMatch(/Acknowledged by <@U0ALICE>[^]*Acknowledged by <@U0ALICE>/);
  });
});

describe('a Mute click where the caller defers work (the streaming Lambda, --port)', () => {
  it('stores the mute before the answer and updates the message only after it', async () => {
    const message = slack.messages[0]!;
    const deferred: Array<() => Promise<void>> = [];
    const updatesBefore = slack.updates.length;

    const answer = await handleSlackAction(click(buttonOf('mute', message), 'U0DAVE', message), {
      ...deps,
      defer: (work) => void deferred.push(work),
    });

    expect(answer.statusCode).toBe(200);
    expect(slack.updates).toHaveLength(updatesBefore);
    expect((await deps.mutes.list(new Date())).some((m) => m.by.includes('U0DAVE'))).toBe(true);
    expect(deferred).toHaveLength(1);
    await deferred[0]!();
    expect(slack.updates).toHaveLength(updatesBefore + 1);
    expect(slack.updates.at(-1)!.text).toContain('<@U0DAVE> muted');
  });
});

describe('the Expected button', () => {
  it('is answered before the feedback to AWS is done, and the work completes after the answer', async () => {
    const ctx = { config: parseConfig(CONFIG), aws: new AwsClients(process.env, ALL_CLIENTS), env: slackEnv() } as unknown as JobContext;
    const alert = {
      alertId: `daily-spend|anomaly|anomaly-0042|${DAY}|warning`,
      severity: 'warning',
      subject: { job: 'daily-spend', scope: 'anomaly', key: 'anomaly-0042', account: null },
      anomalyId: 'anomaly-0042',
    } as Alert;
    const channels = present([slackChannel<Alert>(channelDeps(ctx), () => ({ text: 'anomaly', blocks: [] }))]);
    await dispatch({ alerts: [alert], channels, ledger: new DynamoLedger(ddb, { table: TABLE }), mutes: NO_MUTES, dryRun: false });
    let release: () => void = () => undefined;
    const feedback: string[] = [];
    const deferred: Array<() => Promise<void>> = [];
    const slow: SlackActionsDeps = {
      ...deps,
      anomalyFeedback: (id) => new Promise<void>((resolve) => (release = () => resolve(void feedback.push(id)))),
      defer: (work) => void deferred.push(work),
    };
    const updatesBefore = slack.updates.length;

    const answer = await handleSlackAction(click(buttonOf('expected'), 'U0CAROL'), slow);

    expect(answer.statusCode).toBe(200);
    expect(feedback).toEqual([]);
    expect(slack.updates).toHaveLength(updatesBefore);
    const done = deferred[0]!();
    release();
    await done;
    expect(feedback).toEqual(['anomaly-0042']);
    expect(slack.updates.at(-1)!.text).toContain('<@U0CAROL> marked');
    const item = (await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: buttonOf('expected').value! } } }))).Item!;
    expect(item.ackBy!.S).toContain('U0CAROL');
  });

  it('gives up on a bot token Secrets Manager does not answer, instead of waiting past the deadline', async () => {
    const silent = await listenLocal(() => undefined);
    const env = { SLACK_API_URL: slack.url, SLACK_SIGNING_SECRET: SECRET };
    const hanging = {
      ...clients(),
      secrets: () => new SecretsManagerClient({ ...aws.clientConfig, endpoint: `http://127.0.0.1:${silent.port}` }),
    };
    const config = parseConfig({ ...CONFIG, notify: { slack: { channel: 'C0ALERTS', tokenSecretId: 'cost-watch/never-answers' } } });

    const client = actionsDeps(config, hanging, quiet, env).slack();

    await expect(client).rejects.toThrow(/never-answers/);
    await silent.close();
  });
});
