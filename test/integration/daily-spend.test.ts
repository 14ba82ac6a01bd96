import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, createSecret, type TopicWithInbox } from '../../emulators/fixtures.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { runCli } from '../support/cli.js';
import type { TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let topic: TopicWithInbox;
let ddb: DynamoDBClient;
let dir: string;
let run = 0;
let table: string;

/** A fresh ledger per test, so tests in this file do not see each other's alerts. */
function config(extra: Record<string, unknown> = {}): string {
  const file = join(dir, `config-${++run}.json`);
  table = `ledger-${run}`;
  writeFileSync(
    file,
    JSON.stringify({
      dailySpend: { baseline: 'previous-day' },
      notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn },
      ledgerTable: table,
      ...extra,
    }),
  );
  return file;
}

function cli(args: string[], env: Record<string, string> = {}) {
  return runCli(args, {
    env: {
      ...aws.env,
      AWS_ENDPOINT_URL_COST_EXPLORER: ce.url,
      SLACK_API_URL: slack.url,
      SLACK_BOT_TOKEN: 'xoxb-test',
      COST_WATCH_SLACK_TIMEOUT_MS: '1500',
      ...env,
    },
    timeoutMs: 60_000,
  });
}

async function dailyRun(file: string, extra: string[] = []) {
  const result = await cli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json', ...extra]);
  return { ...result, json: result.stdout ? JSON.parse(result.stdout) : undefined };
}

let world: World;
beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-daily-', costExplorer: true, slack: true, topic: 'cost-watch-alerts' });
  ({ aws, ce, slack, topic, ddb, dir } = world);
});

afterAll(() => world?.stop());

beforeEach(async () => {
  ce.setDataset(dailySpendScenario({ spikeDay: DAY }), { estimatedFrom: DAY });
  ce.resetRequests();
  ce.pageSize = 5000;
  slack.reset();
  await topic.receive();
});

async function withLedger(extra: Record<string, unknown> = {}): Promise<string> {
  const file = config(extra);
  await createLedgerTable(ddb, table);
  return file;
}

describe('daily-spend job', () => {
  it('finds the EC2 and S3 spikes, ignores the tiny service, and tells Slack and SNS once', async () => {
    const file = await withLedger();

    const { code, json, stderr } = await dailyRun(file);

    expect(code, stderr).toBe(0);
    expect(json).toMatchObject({ job: 'daily-spend', date: DAY, currency: 'USD', estimated: true });
    const byKey = Object.fromEntries(
      json.spikes.filter((s: { date: string }) => s.date === DAY).map((s: { key: string; severity: string }) => [s.key, s.severity]),
    );
    expect(byKey).toEqual({ total: expect.any(String), [EC2]: 'critical', [S3]: 'warning' });
    const ec2 = json.spikes.find((s: { key: string }) => s.key === EC2);
    expect(ec2.changePct).toBeGreaterThan(50);
    expect(ec2.amount).toBeGreaterThan(600);
    // The spend query, then one usage-type request for the drivers of the service spikes.
    expect(ce.requests.map((r) => JSON.stringify(r.body.GroupBy))).toEqual([
      JSON.stringify([{ Type: 'DIMENSION', Key: 'SERVICE' }]),
      JSON.stringify([
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
      ]),
    ]);
    expect(json.costExplorerRequests).toBe(2);
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]!.channel).toBe('#cost-alerts');
    expect(slack.messages[0]!.text).toContain(EC2);
    expect(JSON.stringify(slack.messages[0]!.blocks)).toMatch(/[▁▂▃▄▅▆▇█]{7}/);
    const inbox = await topic.receive();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.attributes).toEqual({ job: 'daily-spend', severity: 'critical' });
    expect(inbox[0]!.subject!.length).toBeLessThan(100);
    expect(json.deliveries.every((d: { status: string }) => d.status === 'sent')).toBe(true);
  });

  it('alerts once when the same run is executed three times', async () => {
    const file = await withLedger();

    const runs = [await dailyRun(file), await dailyRun(file), await dailyRun(file)];

    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toHaveLength(1);
    expect(runs[2]!.json.deliveries.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
    const items = await ddb.send(new ScanCommand({ TableName: table }));
    expect(items.Items!.every((i) => i.status?.S === 'sent' && Number(i.expiresAt?.N) > Date.now() / 1000)).toBe(true);
  });

  it('retries a Slack 500 and delivers', async () => {
    const file = await withLedger();
    slack.failNext(1, 500);

    const { code } = await dailyRun(file);

    expect(code).toBe(0);
    expect(slack.attempts).toBe(2);
    expect(slack.messages).toHaveLength(1);
  });

  it('waits out a Slack 429 Retry-After and delivers', async () => {
    const file = await withLedger();
    slack.rateLimitNext(1, 1);

    const { code } = await dailyRun(file);

    expect(code).toBe(0);
    expect(slack.messages).toHaveLength(1);
  });

  it('gives up on a hanging Slack call after the timeout and retries it', async () => {
    const file = await withLedger();
    slack.hangNext(1);

    const { code } = await dailyRun(file);

    expect(code).toBe(0);
    expect(slack.messages).toHaveLength(1);
  });

  it('still sends SNS when Slack is down, exits 3, and a re-run posts to Slack only', async () => {
    const file = await withLedger();
    slack.down();

    const first = await dailyRun(file);

    expect(first.code).toBe(3);
    expect(
      first.json.deliveries
        .filter((d: { channel: string }) => d.channel === 'slack')
        .every((d: { status: string }) => d.status === 'failed'),
    ).toBe(true);
    expect(
      first.json.deliveries.filter((d: { channel: string }) => d.channel === 'sns').every((d: { status: string }) => d.status === 'sent'),
    ).toBe(true);
    expect(await topic.receive()).toHaveLength(1);

    slack.up();
    const second = await dailyRun(file);

    expect(second.code).toBe(0);
    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toHaveLength(0);
  });

  it('sends and writes nothing in --dry-run', async () => {
    const file = await withLedger();

    const { code, json } = await dailyRun(file, ['--dry-run']);

    expect(code).toBe(0);
    expect(json.spikes.length).toBeGreaterThan(0);
    expect(json.deliveries.every((d: { status: string }) => d.status === 'dry-run')).toBe(true);
    expect(slack.attempts).toBe(0);
    expect(await topic.receive()).toHaveLength(0);
    expect((await ddb.send(new ScanCommand({ TableName: table }))).Items).toHaveLength(0);
  });

  it('alerts only the new spike when a re-checked day fills in late', async () => {
    const file = await withLedger();
    const yesterday = '2026-11-19';
    await dailyRun(file);
    const first = slack.messages.length;
    const late = dailySpendScenario({ spikeDay: DAY }).map((r) =>
      r.date === yesterday && r.service === 'Amazon DynamoDB' && r.recordType === undefined ? { ...r, amount: r.amount * 3 } : r,
    );
    ce.setDataset(late);

    const { code, json } = await dailyRun(file);

    expect(code).toBe(0);
    expect(slack.messages.length).toBe(first + 1);
    const sent = json.deliveries.filter((d: { status: string; channel: string }) => d.status === 'sent' && d.channel === 'slack');
    expect(sent.map((d: { alertId: string }) => d.alertId)).toEqual([`daily-spend|service|Amazon DynamoDB|${yesterday}|critical`]);
    expect(slack.messages.at(-1)!.text).toContain('Amazon DynamoDB');
  });

  it('follows NextPageToken and still finds every service', async () => {
    const file = await withLedger();
    ce.setDataset(dailySpendScenario({ spikeDay: DAY, extraServices: 100 }));
    ce.pageSize = 500;

    const { code, json } = await dailyRun(file, ['--dry-run']);

    expect(code).toBe(0);
    expect(ce.requests.length).toBeGreaterThan(1);
    expect(json.costExplorerRequests).toBe(ce.requests.length);
    expect(json.spikes.some((s: { key: string }) => s.key === EC2)).toBe(true);
    expect(json.total.amount).toBeGreaterThan(1000 + 100 * 4);
  });

  it('survives two throttles from Cost Explorer through SDK retries', async () => {
    const file = await withLedger();
    ce.failNext('ThrottlingException', 2);

    const { code, json } = await dailyRun(file, ['--dry-run']);

    expect(code).toBe(0);
    // Two throttled attempts and the spend query, then the drivers request: each one counted.
    expect(ce.requests).toHaveLength(4);
    expect(json.costExplorerRequests).toBe(4);
  });

  it('names the missing permission when Cost Explorer denies access', async () => {
    const file = await withLedger();
    ce.failNext('AccessDeniedException', 1);

    const { code, stderr, stdout } = await dailyRun(file);

    expect(code).toBe(1);
    expect(stderr).toContain('ce:GetCostAndUsage');
    expect(stdout).toBe('');
    expect(slack.attempts).toBe(0);
  });

  it('stops before sending anything when the ledger table does not exist, saying how to create it', async () => {
    const file = config();

    const { code, stderr, stdout } = await dailyRun(file);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/ledger table "ledger-\d+" does not exist .*partition key pk, String; TTL attribute expiresAt/);
    expect(slack.attempts).toBe(0);
    expect(await topic.receive()).toHaveLength(0);
  });

  it('warns that it cannot de-duplicate without a ledger table', async () => {
    const file = join(dir, 'no-ledger.json');
    writeFileSync(file, JSON.stringify({ dailySpend: { baseline: 'previous-day' }, notify: { alertTopicArn: topic.topicArn } }));

    const { code, stderr } = await dailyRun(file);

    expect(code).toBe(0);
    expect(stderr).toMatch(/no ledgerTable in config: alerts cannot be de-duplicated/);
    expect(await topic.receive()).toHaveLength(1);
  });

  it('reads the Slack token from Secrets Manager when SLACK_BOT_TOKEN is not set', async () => {
    const secretName = `cost-watch/slack-${run}`;
    await createSecret(new SecretsManagerClient(aws.clientConfig), secretName, JSON.stringify({ token: 'xoxb-from-secret' }));
    const file = await withLedger({ notify: { slack: { channel: '#cost-alerts', tokenSecretId: secretName } } });

    const { code } = await cli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json'], { SLACK_BOT_TOKEN: '' });

    expect(code).toBe(0);
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]!.token).toBe('xoxb-from-secret');
  });

  it('prints a readable summary without --json', async () => {
    const file = await withLedger();

    const { code, stdout } = await cli(['run', 'daily-spend', '--date', DAY, '--config', file, '--dry-run']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/critical +2026-11-20 Amazon Elastic Compute Cloud - Compute: \$\d/);
    expect(stdout).toMatch(/slack +dry-run/);
  });
});

describe('daily-spend bad input', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['malformed JSON', () => ['--config', writeConfig('{ "currency": ')], /malformed JSON/],
    ['an unknown key', () => ['--config', writeConfig('{ "dailySpend": { "warnPct": 20 } }')], /dailySpend\.warnPct: unknown key/],
    [
      'a negative threshold',
      () => ['--config', writeConfig('{ "dailySpend": { "warningPct": -1 } }')],
      /dailySpend\.warningPct: expected a number above 0/,
    ],
    [
      'a non-numeric threshold',
      () => ['--config', writeConfig('{ "dailySpend": { "criticalPct": "high" } }')],
      /dailySpend\.criticalPct: expected a number/,
    ],
    [
      'criticalPct below warningPct',
      () => ['--config', writeConfig('{ "dailySpend": { "warningPct": 40, "criticalPct": 30 } }')],
      /criticalPct \(30\) to be at least warningPct \(40\)/,
    ],
    ['an impossible date', () => ['--date', '2026-02-30'], /--date: expected a real calendar date/],
    ['a future date', () => ['--date', '2099-01-01'], /--date: 2099-01-01 is not complete yet; the latest complete day is \d{4}-\d\d-\d\d/],
    [
      'today, which Cost Explorer has only in part',
      () => ['--date', new Date().toISOString().slice(0, 10)],
      /--date: \S+ is not complete yet/,
    ],
  ];
  let n = 0;
  function writeConfig(text: string): string {
    const file = join(dir, `bad-${++n}.json`);
    writeFileSync(file, text);
    return file;
  }

  it.each(cases)('rejects %s with exit 2, one line, nothing sent', async (_name, args, message) => {
    const { code, stderr, stdout } = await cli(['run', 'daily-spend', ...args()]);

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
    expect(ce.requests).toHaveLength(0);
    expect(slack.attempts).toBe(0);
  });

  it('rejects an unknown job with exit 2', async () => {
    const { code, stderr } = await cli(['run', 'weekly-spend']);

    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown job "weekly-spend": expected one of daily-spend, idle-resources, budgets, monthly-report/);
  });
});
