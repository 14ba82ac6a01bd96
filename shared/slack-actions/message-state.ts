import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import type { PostedMessage } from '../alerts/alert.js';
import { messageStateItem, type MessageState, type RecordedAction } from '../ledger/table.js';

export type { MessageState, RecordedAction } from '../ledger/table.js';

/**
 * The actions of each Slack message in the ledger table. Two clicks at once
 * each append atomically and read back what is there after their write, so
 * the later of the two sees both.
 */
export class MessageStates {
  constructor(
    private readonly ddb: DynamoDBClient,
    readonly table: string,
  ) {}

  async record(message: PostedMessage, action: RecordedAction, shownText: string | undefined, now: Date): Promise<MessageState> {
    const change = messageStateItem.append(action, shownText, now);
    const out = await this.ddb
      .send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: messageStateItem.key(message),
          UpdateExpression: change.expression,
          ExpressionAttributeValues: change.values,
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch((err: unknown) => {
        throw explainAwsError(err, `DynamoDB UpdateItem on ledger table ${this.table}`, 'dynamodb:UpdateItem');
      });
    return messageStateItem.decode(out.Attributes);
  }

  async read(message: PostedMessage): Promise<MessageState> {
    const out = await this.ddb
      .send(new GetItemCommand({ TableName: this.table, Key: messageStateItem.key(message), ConsistentRead: true }))
      .catch((err: unknown) => {
        throw explainAwsError(err, `DynamoDB GetItem on ledger table ${this.table}`, 'dynamodb:GetItem');
      });
    return messageStateItem.decode(out.Item);
  }
}
