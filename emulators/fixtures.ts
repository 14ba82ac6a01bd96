import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export const LEDGER_TTL_ATTRIBUTE = 'expiresAt';

/** The ledger schema from the contract: `pk` (String) only, on-demand, TTL on `expiresAt`. Safe to call twice. */
export async function createLedgerTable(ddb: DynamoDBClient, name: string): Promise<void> {
  try {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client: ddb, maxWaitTime: 20, minDelay: 1 }, { TableName: name });
  // DynamoDB rejects enabling TTL when it is already enabled, so look first.
  const ttl = await ddb.send(new DescribeTimeToLiveCommand({ TableName: name }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') return;
  await ddb.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { Enabled: true, AttributeName: LEDGER_TTL_ATTRIBUTE },
    }),
  );
}

export interface InboxMessage {
  subject?: string;
  message: string;
  /** SNS message attributes by name (string values), e.g. `job`, `severity`. */
  attributes: Record<string, string>;
}

export interface TopicWithInbox {
  readonly topicArn: string;
  readonly queueUrl: string;
  /** Drains every message queued so far, oldest first as far as SQS tells. */
  receive(): Promise<InboxMessage[]>;
}

/** The JSON envelope SNS wraps around a message delivered to SQS without raw delivery. */
interface SnsEnvelope {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string | null;
  Message: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** A topic with an SQS queue subscribed, so tests can read what was published. */
export async function createTopicWithInbox(sns: SNSClient, sqs: SQSClient, name: string): Promise<TopicWithInbox> {
  const { TopicArn: topicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
  const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-inbox` }));
  if (!topicArn || !queueUrl) throw new Error(`creating topic/queue ${name} returned no ARN or URL`);
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const queueArn = attrs.Attributes?.QueueArn;
  if (!queueArn) throw new Error(`queue ${queueUrl} has no QueueArn`);
  // Real SQS drops SNS deliveries without this policy; moto ignores it, keep the fixture honest anyway.
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
      },
    ],
  };
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn }));
  return { topicArn, queueUrl, receive: () => drain(sqs, queueUrl) };
}

async function drain(sqs: SQSClient, queueUrl: string): Promise<InboxMessage[]> {
  const received: InboxMessage[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) return received;
    for (const m of Messages) received.push(fromEnvelope(JSON.parse(m.Body ?? '{}') as SnsEnvelope));
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }
}

function fromEnvelope(envelope: SnsEnvelope): InboxMessage {
  const attributes = Object.fromEntries(Object.entries(envelope.MessageAttributes ?? {}).map(([key, attr]) => [key, attr.Value]));
  return {
    ...(envelope.Subject == null ? {} : { subject: envelope.Subject }),
    message: envelope.Message,
    attributes,
  };
}

/** Creates the secret, or stores a new value when it already exists. Returns its ARN. */
export async function createSecret(sm: SecretsManagerClient, name: string, value: string): Promise<string> {
  try {
    const created = await sm.send(new CreateSecretCommand({ Name: name, SecretString: value }));
    return created.ARN ?? name;
  } catch (error) {
    if (!(error instanceof ResourceExistsException)) throw error;
    const updated = await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: value }));
    return updated.ARN ?? name;
  }
}
