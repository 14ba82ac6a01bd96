import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ActionsBlock, AnyBlock, StaticSelect } from '@slack/types';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import type { Alert } from '../../shared/alerts/alert.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { channelDeps, type JobContext } from '../../shared/jobs/common/context.js';
import { DynamoLedger } from '../../shared/ledger/dynamo-ledger.js';
import { NO_MUTES } from '../../shared/ledger/mutes.js';
import { actionKindOf } from '../../shared/notify/actions.js';
import { present, slackChannel } from '../../shared/notify/channels.js';
import { dispatch } from '../../shared/notify/dispatch.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction } from '../../shared/slack-actions/handler.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const SECRET = 'test-signing-secret-menus';
const TABLE = 'ledger-menus';
const CONFIG = { notify: { slack: { channel: 'C0ALERTS' } }, ledgerTable: TABLE };
const quiet = { info: () => undefined, warn: () => undefined, progress: () => undefined };

let aws: TestAws;
let slack: FakeSlack;
let ddb: DynamoDBClient;

const slackEnv = () => ({ SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET });
const alert = (n: number): Alert => ({
  alertId: `idle-resources|volume|vol-${String(n).padStart(4, '0')}|2026-11-20|warning`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: 'volume', key: `vol-${String(n).padStart(4, '0')}`, account: null },
});
const menusOf = (blocks: readonly AnyBlock[]) =>
  blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is StaticSelect => e.type === 'static_select'));

const endpointDeps = () =>
  actionsDeps(
    parseConfig(CONFIG),
    {
      dynamo: ddb,
      secrets: () => new SecretsManagerClient(aws.clientConfig),
      costExplorer: () => new CostExplorerClient(aws.clientConfig),
    },
    quiet,
    slackEnv(),
  );

beforeAll(async () => {
  aws = await awsEnvFor();
  slack = await startFakeSlack();
  ddb = new DynamoDBClient(aws.clientConfig);
  await createLedgerTable(ddb, TABLE);
});

afterAll(async () => {
  await slack?.stop();
});

describe('a message with more alerts than buttons fit', () => {
  it('is posted with Mute menus, and picking an alert in a menu mutes that alert and takes it out of the menu', async () => {
    const ctx = { config: parseConfig(CONFIG), aws: new AwsClients(process.env, ALL_CLIENTS), env: slackEnv() } as unknown as JobContext;
    const alerts = Array.from({ length: 200 }, (_, i) => alert(i));
    const channels = present([slackChannel<Alert>(channelDeps(ctx), () => ({ text: '200 idle volumes', blocks: [] }))]);
    await dispatch({ alerts, channels, ledger: new DynamoLedger(ddb, { table: TABLE }), mutes: NO_MUTES, dryRun: false });
    const message = slack.messages.at(-1)!;
    const menu = menusOf(message.blocks).filter((m) => actionKindOf(m.action_id!) === 'mute')[1]!;
    const picked = menu.options!.find((o) => o.text.text.includes('vol-0142'))!;
    const deps = endpointDeps();
    const payload = clickPayload({ action_id: menu.action_id }, { user: { id: 'U0ERIN' }, channel: message.channel, message });
    const action = { ...(payload.actions as object[])[0], type: 'static_select', selected_option: picked };

    const answer = await handleSlackAction(signRequest(SECRET, formBody({ ...payload, actions: [action] })), deps);

    expect(answer.statusCode).toBe(200);
    const mutes = await deps.mutes.list(new Date());
    expect(mutes.map((m) => [m.job, m.scope, m.key])).toEqual([['idle-resources', 'volume', 'vol-0142']]);
    const after = menusOf(slack.updates.at(-1)!.blocks!);
    expect(after.flatMap((m) => m.options!.map((o) => o.value))).not.toContain(picked.value);
    expect(after.flatMap((m) => m.options!)).toHaveLength(199);
  });

  it('answers 400 and mutes nothing for a menu option that names no alert in the ledger', async () => {
    const deps = endpointDeps();
    const before = await deps.mutes.list(new Date());
    const payload = clickPayload({ action_id: 'cost-watch:mute:0' }, { user: { id: 'U0FRANK' } });
    const action = {
      ...(payload.actions as object[])[0],
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'v2#nope' },
    };

    const answer = await handleSlackAction(signRequest(SECRET, formBody({ ...payload, actions: [action] })), deps);

    expect(answer.statusCode).toBe(400);
    expect(await deps.mutes.list(new Date())).toEqual(before);
  });
});
