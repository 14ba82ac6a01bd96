import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { awsEnvFor, motoUrl, type TestAws } from './env.js';

export interface WorldOptions {
  /** Prefix of the temporary directory the file writes its configs to, e.g. `cw-daily-`. */
  readonly tmp: string;
  readonly costExplorer?: boolean;
  readonly slack?: boolean;
  /** An SNS topic of that name with an SQS inbox, to read what was published. */
  readonly topic?: string;
  /** @default the run's shared moto_server */
  readonly motoUrl?: string;
}

/** What an integration test file starts once (in beforeAll): a moto account, the doubles it asked for, a temp dir. */
export interface World {
  readonly aws: TestAws;
  readonly ddb: DynamoDBClient;
  readonly dir: string;
  /** Throws when the file did not ask for it. */
  readonly ce: CostExplorerDouble;
  readonly slack: FakeSlack;
  readonly topic: TopicWithInbox;
  /** Another topic with an inbox, in the same account. */
  newTopic(name: string): Promise<TopicWithInbox>;
  stop(): Promise<void>;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`startWorld: ${what} was not asked for`);
  return value;
}

export async function startWorld(o: WorldOptions): Promise<World> {
  const aws = await awsEnvFor(o.motoUrl ?? motoUrl());
  const [ce, slack] = await Promise.all([o.costExplorer ? startCostExplorerDouble() : undefined, o.slack ? startFakeSlack() : undefined]);
  const [sns, sqs] = [new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig)];
  const newTopic = (name: string) => createTopicWithInbox(sns, sqs, name);
  const topic = o.topic ? await newTopic(o.topic) : undefined;
  const ddb = new DynamoDBClient(aws.clientConfig);
  const dir = mkdtempSync(join(tmpdir(), o.tmp));
  return {
    aws,
    ddb,
    dir,
    get ce() {
      return required(ce, 'costExplorer');
    },
    get slack() {
      return required(slack, 'slack');
    },
    get topic() {
      return required(topic, 'topic');
    },
    newTopic,
    async stop() {
      await Promise.all([ce?.stop(), slack?.stop()]);
      ddb.destroy();
    },
  };
}
