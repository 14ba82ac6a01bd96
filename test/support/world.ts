import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startBudgetsDouble, type BudgetsDouble } from '../../emulators/budgets.js';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { startMoto, type MotoHandle } from '../../emulators/moto.js';
import { awsEnvFor, motoUrl, type TestAws } from './env.js';

export interface WorldOptions {
  /** Prefix of the temporary directory the file writes its configs to, e.g. `cw-daily-`. */
  readonly tmp: string;
  readonly costExplorer?: boolean;
  readonly budgets?: boolean;
  readonly slack?: boolean;
  /** An SNS topic of that name with an SQS inbox, to read what was published. */
  readonly topic?: string;
  /** Ledger tables to create up front. */
  readonly ledgers?: readonly string[];
  /** S3 buckets to create. Bucket names are global in moto too: make them unique to the file. */
  readonly buckets?: readonly string[];
  /** Email addresses to verify as SES identities in us-east-1. */
  readonly senders?: readonly string[];
  /**
   * A moto_server of the file's own instead of the run's shared one: the SES outbox is read from moto's model dump
   * (/moto-api/data.json), which answers 500 once any model in the server cannot be dumped (an RDS instance, for one).
   */
  readonly ownMoto?: boolean;
}

/** What an integration test file starts once (in beforeAll): a moto account, the doubles it asked for, a temp dir. */
export interface World {
  readonly aws: TestAws;
  readonly motoUrl: string;
  readonly ddb: DynamoDBClient;
  /** Path-style, as the code under test uses it with an endpoint set. */
  readonly s3: S3Client;
  readonly dir: string;
  /** The account's environment plus the endpoints of the doubles asked for (and a Slack token and time budget). */
  readonly env: Record<string, string>;
  /** Throws when the file did not ask for it. */
  readonly ce: CostExplorerDouble;
  readonly budgets: BudgetsDouble;
  readonly slack: FakeSlack;
  readonly topic: TopicWithInbox;
  /** Another topic with an inbox, in the same account. */
  newTopic(name: string): Promise<TopicWithInbox>;
  newLedger(table: string): Promise<void>;
  /** Verifies an SES email identity in that region. */
  verifySender(address: string, region?: string): Promise<void>;
  stop(): Promise<void>;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`startWorld: ${what} was not asked for`);
  return value;
}

function doublesEnv(ce?: CostExplorerDouble, budgets?: BudgetsDouble, slack?: FakeSlack): Record<string, string> {
  return {
    ...(ce && { AWS_ENDPOINT_URL_COST_EXPLORER: ce.url }),
    ...(budgets && { AWS_ENDPOINT_URL_BUDGETS: budgets.url }),
    ...(slack && { SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test', COST_WATCH_SLACK_TIMEOUT_MS: '1500' }),
  };
}

export async function startWorld(o: WorldOptions): Promise<World> {
  const moto: MotoHandle | undefined = o.ownMoto ? await startMoto() : undefined;
  const url = moto?.url ?? motoUrl();
  const aws = await awsEnvFor(url);
  const [ce, budgets, slack] = await Promise.all([
    o.costExplorer ? startCostExplorerDouble() : undefined,
    o.budgets ? startBudgetsDouble() : undefined,
    o.slack ? startFakeSlack() : undefined,
  ]);
  const [sns, sqs] = [new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig)];
  const ddb = new DynamoDBClient(aws.clientConfig);
  const s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  const newTopic = (name: string) => createTopicWithInbox(sns, sqs, name);
  const newLedger = (table: string) => createLedgerTable(ddb, table);
  const verifySender = async (address: string, region = aws.clientConfig.region) => {
    const ses = new SESClient({ ...aws.clientConfig, region });
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
    ses.destroy();
  };
  const topic = o.topic ? await newTopic(o.topic) : undefined;
  for (const table of o.ledgers ?? []) await newLedger(table);
  for (const bucket of o.buckets ?? []) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const address of o.senders ?? []) await verifySender(address);
  const dir = mkdtempSync(join(tmpdir(), o.tmp));
  return {
    aws,
    motoUrl: url,
    ddb,
    s3,
    dir,
    env: { ...aws.env, ...doublesEnv(ce, budgets, slack) },
    get ce() {
      return required(ce, 'costExplorer');
    },
    get budgets() {
      return required(budgets, 'budgets');
    },
    get slack() {
      return required(slack, 'slack');
    },
    get topic() {
      return required(topic, 'topic');
    },
    newTopic,
    newLedger,
    verifySender,
    async stop() {
      await Promise.all([ce?.stop(), budgets?.stop(), slack?.stop()]);
      for (const client of [ddb, s3, sns, sqs]) client.destroy();
      await moto?.stop();
    },
  };
}
