import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import { parseConfig } from '../../shared/config/load.js';
import { actionKindOf } from '../../shared/notify/actions.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction } from '../../shared/slack-actions/handler.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const DAY = '2026-11-20';
const SECRET = 'test-signing-secret-late';
const TABLE = 'ledger-late-answer';
const CONFIG = { notify: { slack: { channel: 'C0ALERTS' } }, ledgerTable: TABLE, dailySpend: { recheckDays: 0, baseline: 'previous-day' } };

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let ddb: DynamoDBClient;
let file: string;

const slackEnv = () => ({
  SLACK_API_URL: slack.url,
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SECRET,
  COST_WATCH_SLACK_TIMEOUT_MS: '500',
});
const daily = () =>
  runCli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json'], {
    env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, ...slackEnv() },
    timeoutMs: 60_000,
  });

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  slack = await startFakeSlack();
  ddb = new DynamoDBClient(aws.clientConfig);
  await createLedgerTable(ddb, TABLE);
  file = join(mkdtempSync(join(tmpdir(), 'cw-late-')), 'config.json');
  writeFileSync(file, JSON.stringify(CONFIG));
  ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
});

afterAll(async () => {
  await Promise.all([ce?.stop(), slack?.stop()]);
});

describe('a Slack post that Slack accepted but answered after the client gave up', () => {
  it('is posted once, recorded with its ts, and Acknowledge updates that one message', async () => {
    slack.hangNext(1, { accepted: true, answerAfterMs: 30_000 });

    const run = await daily();

    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { deliveries: { channel: string; status: string }[] };
    expect(json.deliveries.filter((d) => d.channel === 'slack').every((d) => d.status === 'sent')).toBe(true);
    expect(slack.messages.filter((m) => m.channel === 'C0ALERTS')).toHaveLength(1);
    const [message] = slack.messages;
    const ack = buttonsOf(message!.blocks).find((b) => actionKindOf(b.action_id!) === 'acknowledge')!;
    const item = (await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: ack.value! } } }))).Item!;
    expect(item.msgTs!.S).toBe(message!.ts);

    const deps = actionsDeps(
      parseConfig(CONFIG),
      {
        dynamo: ddb,
        secrets: () => new SecretsManagerClient(aws.clientConfig),
        costExplorer: () => new CostExplorerClient({ ...aws.clientConfig, endpoint: ce.url }),
      },
      { info: () => undefined, warn: () => undefined, progress: () => undefined },
      slackEnv(),
    );
    const body = formBody(clickPayload(ack, { channel: 'C0ALERTS', message: { text: message!.text, blocks: message!.blocks } }));
    const res = await handleSlackAction(signRequest(SECRET, body), deps);

    expect(res.statusCode).toBe(200);
    expect(slack.updates.map((u) => u.ts)).toEqual([message!.ts]);
    expect(slack.messages).toHaveLength(1);
  });

  it('a re-run finds nothing left to send', async () => {
    const run = await daily();

    expect(run.code, run.stderr).toBe(0);
    expect(slack.messages).toHaveLength(1);
  });
});
