import { GetItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import type { ActionKind } from '../notify/actions.js';
import type { PostedMessage } from '../alerts/alert.js';

/** One click that acted: which button is spent, and the status line it adds. */
export interface RecordedAction {
  readonly kind: ActionKind;
  readonly value: string;
  readonly note: string;
}

/** Everything done on one Slack message, as the ledger has it: what every update is built from. */
export interface MessageState {
  /** Grows by one with every recorded action: a later update with a higher version shows more. */
  readonly version: number;
  /** The message's fallback text before any action, as the first click showed it. */
  readonly baseText: string | undefined;
  readonly actions: readonly RecordedAction[];
}

/** Kept as long as anyone might still click a button on the message. */
const KEEP_SECONDS = 180 * 24 * 3600;

const keyOf = (m: PostedMessage) => ({ pk: { S: `slack-message|${m.channel}|${m.ts}` } });

function toState(item: Record<string, AttributeValue> | undefined): MessageState {
  const actions = (item?.actions?.L ?? []).flatMap((a): RecordedAction[] => {
    const m = a.M;
    return m?.kind?.S && m.value?.S !== undefined && m.note?.S ? [{ kind: m.kind.S as ActionKind, value: m.value.S, note: m.note.S }] : [];
  });
  return { version: Number(item?.version?.N ?? 0), baseText: item?.baseText?.S, actions };
}

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
    const out = await this.ddb
      .send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: keyOf(message),
          UpdateExpression:
            'SET actions = list_append(if_not_exists(actions, :none), :one), version = if_not_exists(version, :zero) + :inc, expiresAt = :exp' +
            (shownText === undefined ? '' : ', baseText = if_not_exists(baseText, :text)'),
          ExpressionAttributeValues: {
            ':none': { L: [] },
            ':one': { L: [{ M: { kind: { S: action.kind }, value: { S: action.value }, note: { S: action.note } } }] },
            ':zero': { N: '0' },
            ':inc': { N: '1' },
            ':exp': { N: String(Math.floor(now.getTime() / 1000) + KEEP_SECONDS) },
            ...(shownText === undefined ? {} : { ':text': { S: shownText } }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch((err: unknown) => {
        throw explainAwsError(err, `DynamoDB UpdateItem on ledger table ${this.table}`, 'dynamodb:UpdateItem');
      });
    return toState(out.Attributes);
  }

  async read(message: PostedMessage): Promise<MessageState> {
    const out = await this.ddb.send(new GetItemCommand({ TableName: this.table, Key: keyOf(message), ConsistentRead: true })).catch((err: unknown) => {
      throw explainAwsError(err, `DynamoDB GetItem on ledger table ${this.table}`, 'dynamodb:GetItem');
    });
    return toState(out.Item);
  }
}
