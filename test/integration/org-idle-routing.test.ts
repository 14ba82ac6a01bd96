import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { seedFleet, type SeededRegion } from '../../scripts/demo/idle-resources.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';
import { memberClientConfig } from '../support/org.js';

let aws: TestAws;
let slack: FakeSlack;
let defaultTopic: TopicWithInbox;
let teamTopic: TopicWithInbox;
let org: SeededOrganization;
let data: SeededRegion[];
let web: SeededRegion[];
let file: string;

async function envOf(account: string): Promise<Record<string, string>> {
  const c = (await memberClientConfig(aws, account)).credentials;
  return { ...aws.env, AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, AWS_SESSION_TOKEN: c.sessionToken };
}

const idle = () =>
  runCli(['run', 'idle-resources', '--config', file, '--json'], {
    env: { ...aws.env, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test' },
    timeoutMs: 90_000,
  }).then((r) => ({
    ...r,
    json: r.stdout ? JSON.parse(r.stdout) : undefined,
  }));

beforeAll(async () => {
  aws = await awsEnvFor();
  slack = await startFakeSlack();
  const [sns, sqs] = [new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig)];
  defaultTopic = await createTopicWithInbox(sns, sqs, 'idle-default');
  teamTopic = await createTopicWithInbox(sns, sqs, 'idle-team-data');
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
  const [d, w] = org.members;
  data = await seedFleet(await envOf(d!.id), [
    { region: 'us-east-1', instances: [], volumes: [{ type: 'gp3', sizeGiB: 10, name: 'data-orphan' }] },
  ]);
  web = await seedFleet(await envOf(w!.id), [
    { region: 'us-east-1', instances: [], volumes: [{ type: 'gp2', sizeGiB: 20, name: 'web-orphan' }] },
  ]);
  await createLedgerTable(new DynamoDBClient(aws.clientConfig), 'ledger-idle-routing');
  file = join(mkdtempSync(join(tmpdir(), 'cw-idle-routing-')), 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      organization: { accounts: [d!.id, w!.id] },
      notify: {
        slack: { channel: '#cost-alerts' },
        alertTopicArn: defaultTopic.topicArn,
        routes: [{ accounts: [d!.id], slack: { channel: '#team-data' }, alertTopicArn: teamTopic.topicArn }],
      },
      ledgerTable: 'ledger-idle-routing',
    }),
  );
}, 120_000);

afterAll(async () => {
  await slack?.stop();
});

describe('waste findings in an organization are routed by account', { timeout: 120_000 }, () => {
  it("sends each account's findings to its route, the others to the defaults, and nothing again on a re-run", async () => {
    const first = await idle();
    const again = await idle();

    expect([first.code, again.code], first.stderr).toEqual([0, 0]);
    const texts = Object.fromEntries(slack.messages.map((m) => [m.channel, m.text]));
    expect(slack.messages.map((m) => m.channel).sort()).toEqual(['#cost-alerts', '#team-data']);
    expect(texts['#team-data']).toContain(data[0]!.volumeIds[0]);
    expect(texts['#team-data']).not.toContain(web[0]!.volumeIds[0]);
    expect(texts['#cost-alerts']).toContain(web[0]!.volumeIds[0]);
    expect(texts['#cost-alerts']).not.toContain(data[0]!.volumeIds[0]);
    const [team, fallback] = [await teamTopic.receive(), await defaultTopic.receive()];
    expect(team).toHaveLength(1);
    expect(team[0]!.message).toContain(data[0]!.volumeIds[0]);
    expect(fallback).toHaveLength(1);
    expect(fallback[0]!.message).not.toContain(data[0]!.volumeIds[0]);
    const dataVolume = first.json.deliveries.filter((d: { alertId: string }) => d.alertId.includes(data[0]!.volumeIds[0]!));
    expect(dataVolume.map((d: { destination: string }) => d.destination).sort()).toEqual(['#team-data', teamTopic.topicArn].sort());
    expect(again.json.deliveries.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
  });
});
