import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { startFaultProxy, type FaultProxy } from '../../emulators/fault-proxy.js';
import { createLedgerTable, createSecret, type TopicWithInbox } from '../../emulators/fixtures.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { DynamoLedger } from '../../shared/ledger/dynamo-ledger.js';
import { runCli } from '../support/cli.js';
import type { TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

/*
 * Delivery under partial failure, through the real CLI and SDK:
 * DynamoDB calls go through a fault-injecting proxy in front of moto.
 */
const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let proxy: FaultProxy;
let topic: TopicWithInbox;
let ddb: DynamoDBClient;
let dir: string;
let run = 0;
let table: string;

async function withLedger(slackExtra: Record<string, string> = {}): Promise<string> {
  const file = join(dir, `config-${++run}.json`);
  table = `faults-${run}`;
  writeFileSync(
    file,
    JSON.stringify({
      dailySpend: { baseline: 'previous-day' },
      notify: { slack: { channel: '#cost-alerts', ...slackExtra }, alertTopicArn: topic.topicArn },
      ledgerTable: table,
    }),
  );
  await createLedgerTable(ddb, table);
  return file;
}

async function dailyRun(file: string, extra: string[] = [], env: Record<string, string | undefined> = {}) {
  const result = await runCli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json', ...extra], {
    env: {
      ...aws.env,
      AWS_ENDPOINT_URL_DYNAMODB: proxy.url,
      AWS_ENDPOINT_URL_COST_EXPLORER: ce.url,
      SLACK_API_URL: slack.url,
      SLACK_BOT_TOKEN: 'xoxb-test',
      COST_WATCH_SLACK_TIMEOUT_MS: '1500',
      ...env,
    },
    timeoutMs: 90_000,
  });
  return { ...result, json: result.stdout ? JSON.parse(result.stdout) : undefined };
}

type D = { channel: string; alertId: string; status: string; error?: string; recorded?: boolean };
const statuses = (json: { deliveries: D[] }, channel: string) => [
  ...new Set(json.deliveries.filter((d) => d.channel === channel).map((d) => d.status)),
];

let world: World;
beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-faults-', costExplorer: true, slack: true, topic: 'faults-alerts' });
  ({ aws, ce, slack, topic, ddb, dir } = world);
  proxy = await startFaultProxy(aws.clientConfig.endpoint);
});

afterAll(async () => {
  await Promise.all([world?.stop(), proxy?.stop()]);
});

beforeEach(async () => {
  ce.setDataset(dailySpendScenario({ spikeDay: DAY }), { estimatedFrom: DAY });
  slack.reset();
  proxy.clear();
  await topic.receive();
});

/** The alert ids this scenario produces, from a dry run (which touches no ledger). */
async function alertIds(file: string): Promise<string[]> {
  const { json } = await dailyRun(file, ['--dry-run']);
  return [...new Set<string>(json.deliveries.map((d: D) => d.alertId))];
}

/** Claims as a run that died mid-send would have left them, `ageSeconds` ago. */
async function abandonedClaims(ids: readonly string[], channel: string, ageSeconds: number): Promise<void> {
  const ledger = new DynamoLedger(ddb, { table, now: () => new Date(Date.now() - ageSeconds * 1000) });
  for (const id of ids) expect((await ledger.claim(id, { channel })).status).toBe('claimed');
}

describe('a claim another run holds', () => {
  it('is in-progress, not duplicate: exit 3, that channel sends nothing, the other channel still delivers', async () => {
    const file = await withLedger();
    await abandonedClaims(await alertIds(file), 'slack', 30);

    const { code, json, stderr } = await dailyRun(file);

    expect(code, stderr).toBe(3);
    expect(statuses(json, 'slack')).toEqual(['in-progress']);
    expect(statuses(json, 'sns')).toEqual(['sent']);
    expect(json.deliveries.find((d: D) => d.status === 'in-progress').error).toMatch(
      /another run is sending this alert.*run again after 20\d\d-/,
    );
    expect(stderr).toMatch(/held by another run \(in-progress\); run the same command again/);
    expect(slack.attempts).toBe(0);
  });

  it('once the claim is stale (3 minutes), the next run delivers it once', async () => {
    const file = await withLedger();
    await abandonedClaims(await alertIds(file), 'slack', 200);

    const first = await dailyRun(file);
    const second = await dailyRun(file);

    expect([first.code, second.code]).toEqual([0, 0]);
    expect(statuses(first.json, 'slack')).toEqual(['sent']);
    expect(statuses(second.json, 'slack')).toEqual(['duplicate']);
    expect(slack.messages).toHaveLength(1);
  });
});

describe('DynamoDB failing mid-run', () => {
  it('marking sent fails on every attempt: the JSON still prints, deliveries say sent but unrecorded, exit 1; a re-run does not send again', async () => {
    const file = await withLedger();
    proxy.fail({ operation: 'UpdateItem' }, { code: 'InternalServerError', message: 'injected: DynamoDB is failing' });

    const first = await dailyRun(file);
    const failedMarks = proxy.failed.UpdateItem;
    proxy.clear();
    const second = await dailyRun(file);

    expect(first.code, first.stderr).toBe(1);
    expect(first.json.deliveries.every((d: D) => d.status === 'sent' && d.recorded === false)).toBe(true);
    expect(first.json.deliveries[0].error).toMatch(/^sent, but the ledger could not record it: .*injected: DynamoDB is failing/);
    expect(first.stderr).toMatch(/could not be recorded in the ledger.*may send it again/);
    expect(failedMarks).toBeGreaterThan(first.json.deliveries.length);
    // The claims stay pending: the re-run reports them in-progress instead of sending again.
    expect(second.code).toBe(3);
    expect(statuses(second.json, 'slack')).toEqual(['in-progress']);
    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toHaveLength(1);
  });

  it('a claim write that fails leaves the alert failed and unsent, prints the JSON, exits 3; the re-run delivers it', async () => {
    const file = await withLedger();
    proxy.fail({ operation: 'PutItem' }, { code: 'InternalServerError', message: 'injected outage' });

    const first = await dailyRun(file);
    proxy.clear();
    const second = await dailyRun(file);

    expect(first.code, first.stderr).toBe(3);
    expect(statuses(first.json, 'slack')).toEqual(['failed']);
    expect(first.json.deliveries[0].error).toMatch(/^not sent: the ledger claim failed: .*injected outage/);
    expect(slack.attempts).toBe(1);
    expect(second.code, second.stderr).toBe(0);
    expect(statuses(second.json, 'slack')).toEqual(['sent']);
    expect(slack.messages).toHaveLength(1);
  });
});

describe('ledger keys', () => {
  it("an alert id far over DynamoDB's 2,048-byte key limit is claimed, sent and de-duplicated; the item keeps the readable id", async () => {
    const file = await withLedger();
    const longName = `Amazon ${'Very Long Service Name '.repeat(230)}`.slice(0, 5000);
    ce.setDataset(
      dailySpendScenario({ spikeDay: DAY }).map((r) => (r.service === EC2 ? { ...r, service: longName } : r)),
      { estimatedFrom: DAY },
    );

    const first = await dailyRun(file);
    const second = await dailyRun(file);

    expect(first.code, first.stderr).toBe(0);
    expect(first.json.spikes.some((s: { key: string }) => s.key === longName)).toBe(true);
    expect(second.json.deliveries.every((d: D) => d.status === 'duplicate')).toBe(true);
    expect(slack.messages).toHaveLength(1);
    const items = (await ddb.send(new ScanCommand({ TableName: table }))).Items!;
    expect(items.every((i) => /^v2#[0-9a-f]{64}$/.test(i.pk!.S!))).toBe(true);
    expect(items.some((i) => i.alertId!.S!.includes('Very Long Service Name'))).toBe(true);
  });

  it('an alert an earlier version recorded under its readable key is not sent again after the upgrade', async () => {
    const file = await withLedger();
    const ids = await alertIds(file);
    for (const id of ids)
      await ddb.send(
        new PutItemCommand({
          TableName: table,
          Item: { pk: { S: `${id}#slack` }, alertId: { S: id }, channel: { S: 'slack' }, status: { S: 'sent' } },
        }),
      );

    const { code, json } = await dailyRun(file);

    expect(code).toBe(0);
    expect(statuses(json, 'slack')).toEqual(['duplicate']);
    expect(statuses(json, 'sns')).toEqual(['sent']);
    expect(slack.attempts).toBe(0);
  });
});

describe('Slack under pressure (items 2, 3, 4, 7)', () => {
  it('a 429 with Retry-After 120 on every attempt does not hold the run: Slack failed at once, SNS sent, exit 3', async () => {
    const file = await withLedger();
    slack.rateLimitNext(4, 120);

    const { code, json, stderr } = await dailyRun(file);

    expect(code, stderr).toBe(3);
    expect(statuses(json, 'slack')).toEqual(['failed']);
    expect(json.deliveries.find((d: D) => d.channel === 'slack').error).toMatch(
      /Retry-After 120 s.*longer than the \d+ s left of this run's 45 s Slack budget/,
    );
    expect(statuses(json, 'sns')).toEqual(['sent']);
    expect(slack.attempts).toBe(1);
  });

  it("stops retrying when the run's Slack budget is spent, however many attempts are left", async () => {
    const file = await withLedger();
    slack.hangNext(10);

    const { code, json } = await dailyRun(file, [], { COST_WATCH_SLACK_TIMEOUT_MS: '1000', COST_WATCH_SLACK_BUDGET_MS: '1500' });

    expect(code).toBe(3);
    expect(json.deliveries.find((d: D) => d.channel === 'slack').error).toMatch(/this run's 2 s Slack budget|Slack budget is spent/);
    expect(slack.attempts).toBeLessThanOrEqual(2);
  });

  it("an ok:false answer is not retried: failed with Slack's error, exit 3, and the re-run delivers", async () => {
    const file = await withLedger();
    slack.errorNext(1, 'channel_not_found');

    const first = await dailyRun(file);
    const second = await dailyRun(file);

    expect(first.code).toBe(3);
    expect(first.json.deliveries.find((d: D) => d.channel === 'slack').error).toBe('Slack refused the message: channel_not_found');
    expect(second.code).toBe(0);
    expect(statuses(second.json, 'slack')).toEqual(['sent']);
    expect(slack.attempts).toBe(2);
  });

  it('300 spiking services with long emoji names: Slack accepts the message and SNS the body, each saying how many were left out', async () => {
    const file = await withLedger();
    const names = Array.from({ length: 300 }, (_, i) => `${i % 2 ? 'x' : ''}Service ${i} ${'😀&'.repeat(1600)}`);
    const records = dailySpendScenario({ spikeDay: DAY, historyDays: 8 });
    for (const day of new Set(records.map((r) => r.date)))
      for (const service of names) records.push({ date: day, service, amount: day === DAY ? 100 : 10 });
    ce.setDataset(records, { estimatedFrom: DAY });

    const { code, json, stderr } = await dailyRun(file);

    expect(code, stderr).toBe(0);
    expect(statuses(json, 'slack')).toEqual(['sent']);
    expect(statuses(json, 'sns')).toEqual(['sent']);
    const text = slack.messages[0]!.text;
    expect(text.length).toBeLessThanOrEqual(40_000);
    expect(text).toMatch(/…and \d+ more/);
    const [mail] = await topic.receive();
    expect(Buffer.byteLength(mail!.message)).toBeLessThan(256 * 1024);
    expect(mail!.message).toMatch(/…and \d+ more spikes left out/);
  }, 90_000);

  it('a Slack secret that is not valid JSON is named, and nothing of its content appears anywhere', async () => {
    const secretId = `cost-watch/bad-json-${run}`;
    await createSecret(new SecretsManagerClient(aws.clientConfig), secretId, '{xoxb-very-secret-token-value');
    const file = await withLedger({ tokenSecretId: secretId });

    const { code, json, stdout, stderr } = await dailyRun(file, [], { SLACK_BOT_TOKEN: undefined });

    expect(code).toBe(3);
    expect(json.deliveries.find((d: D) => d.channel === 'slack').error).toBe(`secret ${secretId} is not valid JSON`);
    const items = JSON.stringify((await ddb.send(new ScanCommand({ TableName: table }))).Items);
    for (const where of [stdout, stderr, items]) expect(where).not.toMatch(/xoxb|very-secret/);
  });
});
