import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import { deliveryItem, keyItem, slackRequestItem, type AlertRecord } from '../ledger/table.js';

export type { AlertRecord } from '../ledger/table.js';

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
    const out = await this.ddb
      .send(new GetItemCommand({ TableName: this.table, Key: keyItem(ledgerKey), ConsistentRead: true }))
      .catch((err: unknown) => {
        throw this.fail(err, 'GetItem');
      });
    return out.Item ? deliveryItem.toAlertRecord(ledgerKey, out.Item) : undefined;
  }

  async acknowledge(ledgerKey: string, by: string, at: Date): Promise<void> {
    const change = deliveryItem.acknowledge(by, at);
    await this.ddb
      .send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: keyItem(ledgerKey),
          UpdateExpression: change.expression,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: change.values,
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
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.table,
          Item: slackRequestItem(signature, now),
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
