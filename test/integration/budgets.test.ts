import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BudgetsClient, CreateBudgetCommand, DeleteBudgetCommand, DescribeBudgetsCommand, type Budget } from '@aws-sdk/client-budgets';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, type TopicWithInbox } from '../../emulators/fixtures.js';
import { monthlyCostBudget } from '../../scripts/demo/budgets.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { createContext } from '../../shared/jobs/common/context.js';
import { budgetsJob, type BudgetsResult } from '../../shared/jobs/budgets/job.js';
import { silentLogger } from '../../shared/log.js';
import { runCli } from '../support/cli.js';
import type { TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

let aws: TestAws;
let slack: FakeSlack;
let topic: TopicWithInbox;
let ddb: DynamoDBClient;
let budgetsApi: BudgetsClient;
let dir: string;
let run = 0;
let table: string;

type Crossed = BudgetsResult['evaluations'][number]['crossed'][number];

/** A fresh ledger per test, so tests in this file do not see each other's alerts. */
async function config(extra: Record<string, unknown> = {}): Promise<string> {
  const file = join(dir, `config-${++run}.json`);
  table = `ledger-${run}`;
  writeFileSync(
    file,
    JSON.stringify({ notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn }, ledgerTable: table, ...extra }),
  );
  await createLedgerTable(ddb, table);
  return file;
}

/** Budgets are account-wide in moto: each test replaces the whole set (moto has no UpdateBudget). */
async function setBudgets(...budgets: Budget[]): Promise<void> {
  const { Budgets = [] } = await budgetsApi.send(new DescribeBudgetsCommand({ AccountId: aws.account.accountId }));
  for (const b of Budgets) await budgetsApi.send(new DeleteBudgetCommand({ AccountId: aws.account.accountId, BudgetName: b.BudgetName }));
  for (const b of budgets) await budgetsApi.send(new CreateBudgetCommand({ AccountId: aws.account.accountId, Budget: b }));
}

async function budgetsRun(file: string, extra: string[] = []) {
  const result = await runCli(['run', 'budgets', '--config', file, '--json', ...extra], {
    env: { ...aws.env, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', COST_WATCH_SLACK_TIMEOUT_MS: '1500' },
    timeoutMs: 60_000,
  });
  return { ...result, json: (result.stdout ? JSON.parse(result.stdout) : undefined) as BudgetsResult };
}

const crossedOf = (r: BudgetsResult, budget: string): Crossed[] => r.evaluations.find((e) => e.budget === budget)?.crossed ?? [];
const alertedOf = (r: BudgetsResult, budget: string) =>
  crossedOf(r, budget)
    .filter((c) => c.alerted)
    .map((c) => `${c.kind}-${c.pct}`);
const statuses = (r: BudgetsResult) => r.deliveries.map((d) => `${d.channel}:${d.status}`).sort();

let world: World;
beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-budgets-', slack: true, topic: 'cost-watch-alerts' });
  ({ aws, slack, topic, ddb, dir } = world);
  budgetsApi = new BudgetsClient(aws.clientConfig);
});

afterAll(() => world?.stop());

beforeEach(async () => {
  slack.reset();
  await topic.receive();
});

// Every CLI run spawns tsx (seconds each on a busy machine); some tests make three.
const SLOW = { timeout: 120_000 };

describe('budgets job', SLOW, () => {
  it('evaluates every COST budget, routes by severity and names the highest tier crossed', async () => {
    const file = await config();
    await setBudgets(
      monthlyCostBudget('team-data', 1000, 400, 700),
      monthlyCostBudget('team-web', 500, 400, 650),
      monthlyCostBudget('platform-prod', 2000, 2100, 2600),
    );

    const { code, json, stderr } = await budgetsRun(file);

    expect(code, stderr).toBe(0);
    expect(json.accountId).toBe(aws.account.accountId);
    expect(json.describeBudgetsPages).toBe(1);
    const web = json.evaluations.find((e) => e.budget === 'team-web')!;
    expect(web).toMatchObject({ limit: 500, actual: 400, forecast: 650, actualPct: 80, forecastPct: 130, timeUnit: 'MONTHLY' });
    expect(web.crossed.map((c) => [c.kind, c.pct, c.severity, c.alerted])).toEqual([
      ['actual', 50, 'info', false],
      ['actual', 75, 'warning', true],
      ['forecast', 100, 'warning', true],
    ]);
    expect(alertedOf(json, 'platform-prod')).toEqual(['actual-100', 'forecast-100']);
    expect(crossedOf(json, 'team-data')).toEqual([]);
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]!.text.startsWith('<!here> ')).toBe(true);
    expect(slack.messages[0]!.text).toContain('team-web');
    expect(slack.messages[0]!.text).toContain('platform-prod');
    const inbox = await topic.receive();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.attributes).toEqual({ job: 'budgets', severity: 'emergency' });
    expect(inbox[0]!.message).toMatch(/days? left/);
  });

  it('sends an info-only run to Slack and not to the alert topic', async () => {
    const file = await config();
    await setBudgets(monthlyCostBudget('team-data', 1000, 600, 900));

    const { code, json } = await budgetsRun(file);

    expect(code).toBe(0);
    expect(statuses(json)).toEqual(['slack:sent']);
    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]!.text).not.toContain('<!here>');
    expect(await topic.receive()).toEqual([]);
  });

  it('lists budgets it cannot evaluate as skipped, with the reason, and still evaluates the others', async () => {
    const file = await config();
    await setBudgets(
      { ...monthlyCostBudget('zero-limit', 0, 10, 20) },
      { ...monthlyCostBudget('no-spend-yet', 100, 0, 0), CalculatedSpend: {} as never },
      { BudgetName: 'ec2-hours', BudgetType: 'USAGE', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100', Unit: 'Hrs' } },
      {
        ...monthlyCostBudget('eu-analytics', 0, 0, 0),
        BudgetLimit: { Amount: '500', Unit: 'EUR' },
        CalculatedSpend: { ActualSpend: { Amount: '460', Unit: 'EUR' }, ForecastedSpend: { Amount: '480', Unit: 'EUR' } },
      },
    );

    const { code, json, stderr } = await budgetsRun(file);

    expect(code, stderr).toBe(0);
    const reasons = Object.fromEntries(json.skipped.map((s) => [s.budget, s.reason]));
    expect(reasons['zero-limit']).toMatch(/limit is 0/);
    expect(reasons['no-spend-yet']).toMatch(/CalculatedSpend/);
    expect(reasons['ec2-hours']).toMatch(/only COST budgets.*USAGE/);
    expect(json.evaluations.map((e) => e.budget)).toEqual(['eu-analytics']);
    expect(json.evaluations[0]).toMatchObject({ unit: 'EUR', limit: 500, actual: 460, actualPct: 92 });
    expect(slack.messages[0]!.text).toContain('amounts in EUR');
    expect(slack.messages[0]!.text).toContain('€460.00');
  });

  it('sends each alert exactly once over three runs in a row', async () => {
    const file = await config();
    await setBudgets(monthlyCostBudget('team-web', 500, 400, 650), monthlyCostBudget('platform-prod', 2000, 2100, 2600));

    const runs = [await budgetsRun(file), await budgetsRun(file), await budgetsRun(file)];

    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toHaveLength(1);
    expect(runs[1]!.json.deliveries.every((d) => d.status === 'duplicate')).toBe(true);
    expect(runs[2]!.json.deliveries.every((d) => d.status === 'duplicate')).toBe(true);
    expect(runs[2]!.json.evaluations.flatMap((e) => e.crossed).some((c) => c.alerted)).toBe(false);
    const items = await ddb.send(new ScanCommand({ TableName: table }));
    expect(items.Items!.every((i) => i.status?.S === 'sent')).toBe(true);
  });

  it('delivers SNS while Slack is down, exits 3, and the re-run delivers only the Slack message', async () => {
    const file = await config();
    await setBudgets(monthlyCostBudget('platform-prod', 2000, 1900, 2100));
    slack.down();

    const first = await budgetsRun(file);
    slack.up();
    const firstInbox = await topic.receive();
    const second = await budgetsRun(file);

    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/delivery failed/);
    expect(statuses(first.json)).toEqual(['slack:failed', 'slack:failed', 'sns:sent', 'sns:sent']);
    expect(firstInbox).toHaveLength(1);
    expect(second.code).toBe(0);
    expect(statuses(second.json)).toEqual(['slack:sent', 'slack:sent', 'sns:duplicate', 'sns:duplicate']);
    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toEqual([]);
    expect(alertedOf(second.json, 'platform-prod')).toEqual(['actual-90', 'forecast-100']);
  });

  it('alerts a higher tier once it is reached, and never the lower tiers an earlier alert covered', async () => {
    const file = await config();
    await setBudgets(monthlyCostBudget('team-web', 1000, 950, 990));
    const high = await budgetsRun(file);
    // A refund brings spend back to 80%: 75% was crossed and covered in the first run, so it stays quiet.
    await setBudgets(monthlyCostBudget('team-web', 1000, 800, 990));
    const lower = await budgetsRun(file);
    await setBudgets(monthlyCostBudget('team-web', 1000, 1010, 1100));
    const over = await budgetsRun(file);

    expect(alertedOf(high.json, 'team-web')).toEqual(['actual-90']);
    expect(
      crossedOf(high.json, 'team-web')
        .filter((c) => c.coveredBy === 90)
        .map((c) => c.pct),
    ).toEqual([50, 75]);
    expect(lower.json.deliveries.every((d) => d.status === 'duplicate')).toBe(true);
    expect(alertedOf(lower.json, 'team-web')).toEqual([]);
    expect(alertedOf(over.json, 'team-web')).toEqual(['actual-100', 'forecast-100']);
    expect(slack.messages).toHaveLength(2);
    expect(slack.messages[1]!.text).toMatch(/crossed 100%/);
    expect(slack.messages[1]!.text).not.toMatch(/crossed 90%/);
  });

  it('starts a new budget period clean: the same threshold alerts again', async () => {
    const file = await config();
    await setBudgets(monthlyCostBudget('team-web', 1000, 800, 900, new Date('2026-01-01T00:00:00Z')));
    Object.assign(process.env, aws.env, { SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test' });
    const loaded = parseConfig(JSON.parse(readFileSync(file, 'utf8')));
    const runAt = (now: string) =>
      budgetsJob.run(
        createContext({ config: loaded, log: silentLogger, now: new Date(now), aws: new AwsClients(process.env, ALL_CLIENTS) }),
        {},
      );

    const lastDay = await runAt('2026-11-30T23:00:00Z');
    const again = await runAt('2026-11-30T23:30:00Z');
    const nextMonth = await runAt('2026-12-01T00:30:00Z');

    expect(alertedOf(lastDay, 'team-web')).toEqual(['actual-75']);
    expect(alertedOf(again, 'team-web')).toEqual([]);
    expect(alertedOf(nextMonth, 'team-web')).toEqual(['actual-75']);
    expect(nextMonth.evaluations[0]!.period).toEqual({ start: '2026-12-01', endExclusive: '2027-01-01' });
    expect(slack.messages).toHaveLength(2);
  });

  it('computes everything on --dry-run but sends and records nothing', async () => {
    const file = await config();
    await setBudgets(monthlyCostBudget('platform-prod', 2000, 2100, 2600));

    const { code, json, stderr } = await budgetsRun(file, ['--dry-run']);

    expect(code).toBe(0);
    // What would have been sent is shown on stderr: the Slack message with its buttons, and the SNS subject and body.
    expect(stderr).toMatch(/dry run: would send to Slack #\S+:/);
    expect(stderr).toContain('[ Acknowledge ]');
    // Both alerts (actual and forecast) are about one budget: one Mute, unlabelled as in any one-subject message.
    expect(stderr).toContain('[ Mute 7 days ]');
    expect(stderr).not.toContain('#2');
    expect(stderr).toMatch(/dry run: would send to SNS arn:aws:sns:/);
    expect(stderr).toContain('Subject: [emergency] AWS budget platform-prod: actual 105.0%');
    expect(stderr).toContain('- [emergency] platform-prod: spent 105.0% of its limit (crossed 100%)');
    expect(json.deliveries.length).toBeGreaterThan(0);
    expect(json.deliveries.every((d) => d.status === 'dry-run')).toBe(true);
    expect(alertedOf(json, 'platform-prod')).toEqual([]);
    expect(slack.messages).toEqual([]);
    expect(await topic.receive()).toEqual([]);
    expect((await ddb.send(new ScanCommand({ TableName: table }))).Items).toEqual([]);
  });

  it('reads the account from budgets.accountId when config sets it', async () => {
    const file = await config({ budgets: { accountId: aws.account.accountId } });
    await setBudgets(monthlyCostBudget('team-data', 1000, 600, 900));

    const { code, json } = await budgetsRun(file);

    expect(code).toBe(0);
    expect(json.accountId).toBe(aws.account.accountId);
    expect(json.evaluations.map((e) => e.budget)).toEqual(['team-data']);
  });
});

describe('budgets thresholds in config', SLOW, () => {
  const cases = [
    [
      'not ascending',
      [
        { pct: 90, severity: 'critical' },
        { pct: 75, severity: 'warning' },
      ],
      /budgets\.actualThresholds\[1\]\.pct.*ascending/,
    ],
    [
      'duplicated',
      [
        { pct: 75, severity: 'warning' },
        { pct: 75, severity: 'critical' },
      ],
      /budgets\.actualThresholds\[1\]\.pct.*duplicate/,
    ],
    [
      'above 1000',
      [
        { pct: 50, severity: 'info' },
        { pct: 1001, severity: 'critical' },
      ],
      /budgets\.actualThresholds\[1\]\.pct.*1 to 1000/,
    ],
    ['below 1', [{ pct: 0.5, severity: 'info' }], /budgets\.actualThresholds\[0\]\.pct.*1 to 1000/],
  ] as const;

  for (const [what, thresholds, message] of cases) {
    it(`rejects thresholds ${what} with exit 2 naming the key path, in validate-config and in run`, async () => {
      const file = join(dir, `bad-${what.replace(/\s/g, '-')}.json`);
      writeFileSync(file, JSON.stringify({ budgets: { actualThresholds: thresholds }, notify: { slack: { channel: '#cost-alerts' } } }));

      const [validate, runJob] = await Promise.all([
        runCli(['validate-config', '--config', file], { env: aws.env }),
        runCli(['run', 'budgets', '--config', file], { env: { ...aws.env, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test' } }),
      ]);

      expect(validate.code).toBe(2);
      expect(validate.stderr).toMatch(message);
      expect(runJob.code).toBe(2);
      expect(runJob.stderr).toMatch(message);
      expect(slack.attempts).toBe(0);
    });
  }

  it('names forecastThresholds too', async () => {
    const file = join(dir, 'bad-forecast.json');
    writeFileSync(
      file,
      JSON.stringify({
        budgets: {
          forecastThresholds: [
            { pct: 120, severity: 'warning' },
            { pct: 110, severity: 'critical' },
          ],
        },
      }),
    );

    const { code, stderr } = await runCli(['validate-config', '--config', file], { env: aws.env });

    expect(code).toBe(2);
    expect(stderr).toMatch(/budgets\.forecastThresholds\[1\]\.pct/);
  });
});
