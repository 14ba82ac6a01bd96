import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { runCli } from './cli.js';
import { awsEnvFor, type TestAws } from './env.js';

/** moto + the Cost Explorer double + a fake Slack, and a CLI runner for daily-spend with a fresh ledger per config. */
export interface DailyWorld {
  readonly aws: TestAws;
  readonly ce: CostExplorerDouble;
  readonly slack: FakeSlack;
  readonly topic: TopicWithInbox;
  /** A config file with Slack, SNS and a new ledger table, plus `extra` keys. */
  config(extra?: Record<string, unknown>): Promise<string>;
  run(
    date: string,
    file: string,
    extra?: string[],
    env?: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string; json: any }>;
  stop(): Promise<void>;
}

export async function startDailyWorld(): Promise<DailyWorld> {
  const aws = await awsEnvFor();
  const [ce, slack] = await Promise.all([startCostExplorerDouble(), startFakeSlack()]);
  const ddb = new DynamoDBClient(aws.clientConfig);
  const topic = await createTopicWithInbox(new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig), 'cost-watch-alerts');
  const dir = mkdtempSync(join(tmpdir(), 'cw-daily-world-'));
  let n = 0;
  return {
    aws,
    ce,
    slack,
    topic,
    async config(extra = {}) {
      const table = `ledger-${++n}`;
      await createLedgerTable(ddb, table);
      const file = join(dir, `config-${n}.json`);
      // The scenarios these tests load are a few weeks long, written for the previous-day rule; seasonal tests say so.
      const dailySpend = { baseline: 'previous-day', ...(extra.dailySpend as object | undefined) };
      writeFileSync(
        file,
        JSON.stringify({
          notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn },
          ledgerTable: table,
          ...extra,
          dailySpend,
        }),
      );
      return file;
    },
    async run(date, file, extra = [], env = {}) {
      const result = await runCli(['run', 'daily-spend', '--date', date, '--config', file, '--json', ...extra], {
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
      return { ...result, json: result.stdout ? JSON.parse(result.stdout) : undefined };
    },
    async stop() {
      ddb.destroy();
      await Promise.all([ce.stop(), slack.stop()]);
    },
  };
}
