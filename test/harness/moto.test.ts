import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MOTO_MISSING_MESSAGE,
  createLedgerTable,
  createSecret,
  createTopicWithInbox,
  findMotoServer,
  startMoto,
} from '../../emulators/index.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('moto harness', () => {
  let aws: TestAws;

  beforeAll(async () => {
    aws = await awsEnvFor();
  });

  it('starts moto_server on a free port and stops it by PID', async () => {
    const moto = await startMoto();

    const res = await fetch(`${moto.url}/moto-api/`);
    await moto.stop();

    expect(res.status).toBe(200);
    expect(findMotoServer()).toMatch(/moto_server$/);
    expect(isAlive(moto.pid)).toBe(false);
  });

  it('explains how to install moto_server when it cannot be run', async () => {
    const attempt = startMoto({ command: '/nonexistent/bin/moto_server' });

    await expect(attempt).rejects.toThrow(MOTO_MISSING_MESSAGE);
  });

  it('gives each test file its own account, invisible to the others', async () => {
    const other = await awsEnvFor();
    const mine = new DynamoDBClient(aws.clientConfig);
    const theirs = new DynamoDBClient(other.clientConfig);

    await createLedgerTable(mine, 'isolation-probe');
    const seenByThem = await theirs.send(new ListTablesCommand({}));
    const identity = await new STSClient(other.clientConfig).send(new GetCallerIdentityCommand({}));

    expect(seenByThem.TableNames ?? []).not.toContain('isolation-probe');
    expect(identity.Account).toBe(other.account.accountId);
    expect(other.account.accountId).not.toBe(aws.account.accountId);
  });

  it('reaches the same account through the default chain from the env variables alone', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, aws.env);

    try {
      const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));

      expect(identity.Account).toBe(aws.account.accountId);
    } finally {
      process.env = saved;
    }
  });

  it('creates the ledger table with pk only and TTL on expiresAt, twice without error', async () => {
    const ddb = new DynamoDBClient(aws.clientConfig);

    await createLedgerTable(ddb, 'cost-watch-ledger');
    await createLedgerTable(ddb, 'cost-watch-ledger');

    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: 'cost-watch-ledger' }));
    const ttl = await ddb.send(new DescribeTimeToLiveCommand({ TableName: 'cost-watch-ledger' }));
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('delivers SNS messages to the inbox with subject, message and attributes', async () => {
    const sns = new SNSClient(aws.clientConfig);
    const inbox = await createTopicWithInbox(sns, new SQSClient(aws.clientConfig), 'cost-watch-alerts');

    await sns.send(
      new PublishCommand({
        TopicArn: inbox.topicArn,
        Subject: 'Spend spike: Amazon EC2 +60%',
        Message: 'EC2 rose from $75.00 to $120.00',
        MessageAttributes: {
          job: { DataType: 'String', StringValue: 'daily-spend' },
          severity: { DataType: 'String', StringValue: 'critical' },
        },
      }),
    );
    const first = await inbox.receive();
    const second = await inbox.receive();

    expect(inbox.topicArn).toBe(`arn:aws:sns:us-east-1:${aws.account.accountId}:cost-watch-alerts`);
    expect(first).toEqual([
      {
        subject: 'Spend spike: Amazon EC2 +60%',
        message: 'EC2 rose from $75.00 to $120.00',
        attributes: { job: 'daily-spend', severity: 'critical' },
      },
    ]);
    expect(second).toEqual([]);
  });

  it('creates a secret, and replaces its value when created again', async () => {
    const sm = new SecretsManagerClient(aws.clientConfig);

    await createSecret(sm, 'cost-watch/slack-bot-token', 'xoxb-old');
    await createSecret(sm, 'cost-watch/slack-bot-token', 'xoxb-new');

    const secret = await sm.send(new GetSecretValueCommand({ SecretId: 'cost-watch/slack-bot-token' }));
    expect(secret.SecretString).toBe('xoxb-new');
  });
});
