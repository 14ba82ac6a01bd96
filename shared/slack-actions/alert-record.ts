import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import { JOB_NAMES } from '../alerts/jobs.js';
import type { AlertSubject, PostedMessage } from '../alerts/alert.js';

/** What the ledger says about an alert a button names: the endpoint acts on this, never on the click. */
export interface AlertRecord {
  readonly ledgerKey: string;
  readonly alertId: string;
  readonly subject: AlertSubject;
  readonly message?: PostedMessage;
  readonly anomalyId?: string;
}

/** The ledger reads and writes of the actions endpoint: one GetItem and at most two writes a click. */
export class ActionLedger {
  constructor(
    private readonly ddb: DynamoDBClient,
    readonly table: string,
  ) {}

  private fail(err: unknown, op: string): Error {
    return explainAwsError(err, `DynamoDB ${op} on ledger table ${this.table}`, `dynamodb:${op}`);
  }

  /** The delivered Slack alert with this ledger key; undefined for anything else (a mute, a claim, nothing). */
  async find(ledgerKey: string): Promise<AlertRecord | undefined> {
    const out = await this.ddb.send(new GetItemCommand({ TableName: this.table, Key: { pk: { S: ledgerKey } }, ConsistentRead: true })).catch((err: unknown) => {
      throw this.fail(err, 'GetItem');
    });
    return out.Item ? toRecord(ledgerKey, out.Item) : undefined;
  }

  async acknowledge(ledgerKey: string, by: string, at: Date): Promise<void> {
    await this.ddb
      .send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { pk: { S: ledgerKey } },
          UpdateExpression: 'SET ackBy = :by, ackAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':by': { S: by }, ':at': { S: at.toISOString() } },
        }),
      )
      .catch((err: unknown) => {
        throw this.fail(err, 'UpdateItem');
      });
  }

  /**
   * Records a verified request's signature for the 5-minute window (plus a
   * margin): the same signed request arriving again is a replay. False then.
   */
  async firstSighting(signature: string, now: Date): Promise<boolean> {
    const expiresAt = Math.floor(now.getTime() / 1000) + 600;
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.table,
          Item: { pk: { S: `slack-request|${signature}` }, expiresAt: { N: String(expiresAt) } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException') return false;
      throw this.fail(err, 'PutItem');
    }
  }
}

function toRecord(ledgerKey: string, item: Record<string, AttributeValue>): AlertRecord | undefined {
  const s = (name: string) => item[name]?.S;
  const [alertId, job, scope, key] = [s('alertId'), s('job'), s('scope'), s('key')];
  if (s('status') !== 'sent' || s('channel') !== 'slack' || !alertId || !scope || key === undefined) return undefined;
  if (!(JOB_NAMES as readonly string[]).includes(job ?? '')) return undefined;
  const [msgChannel, msgTs] = [s('msgChannel'), s('msgTs')];
  return {
    ledgerKey,
    alertId,
    subject: { job: job as AlertSubject['job'], scope, key, account: s('account') ?? null },
    message: msgChannel && msgTs ? { channel: msgChannel, ts: msgTs } : undefined,
    anomalyId: s('anomalyId'),
  };
}
