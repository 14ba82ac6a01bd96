import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type BatchGetItemCommandOutput,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import { AwsAccessError } from '../errors.js';

export type ClaimOutcome = 'claimed' | 'taken';

/**
 * Remembers which (alert, channel) pairs were delivered, so Lambda retries and
 * re-runs never send twice. A claim is taken before sending and confirmed after.
 */
export interface AlertLedger {
  /**
   * Which of these alerts were already delivered on the channel. A cheap batched
   * read that spares a quiet re-run one conditional write per alert; `claim`
   * stays the guard against races.
   */
  delivered(alertIds: readonly string[], channel: string): Promise<Set<string>>;
  /** Takes the right to send; 'taken' when it was sent before or another run is sending it now. */
  claim(alertId: string, channel: string): Promise<ClaimOutcome>;
  markSent(alertId: string, channel: string): Promise<void>;
  /** Releases the claim so the next run tries again. */
  markFailed(alertId: string, channel: string, error: string): Promise<void>;
}

export interface DynamoLedgerOptions {
  readonly table: string;
  /** How long an entry is kept; it must outlive the longest alert period (a budget year). @default 400 days */
  readonly retentionDays?: number;
  /**
   * A claim older than this is presumed abandoned (the run died mid-send) and
   * may be taken again. Longer than a Lambda's 15-minute ceiling. @default 20 minutes
   */
  readonly staleClaimSeconds?: number;
  readonly now?: () => Date;
}

const key = (alertId: string, channel: string) => ({ pk: { S: `${alertId}#${channel}` } });

/** BatchGetItem reads at most 100 keys a call. */
const BATCH_GET_LIMIT = 100;

export class DynamoLedger implements AlertLedger {
  private readonly retentionSeconds: number;
  private readonly staleSeconds: number;
  private readonly now: () => Date;

  constructor(
    private readonly ddb: DynamoDBClient,
    private readonly options: DynamoLedgerOptions,
  ) {
    this.retentionSeconds = (options.retentionDays ?? 400) * 86_400;
    this.staleSeconds = options.staleClaimSeconds ?? 1200;
    this.now = options.now ?? (() => new Date());
  }

  /** A missing table is a setup mistake: say how to make it, not "Requested resource not found". */
  private explain(err: unknown, operation: string): Error {
    if ((err as Error)?.name === 'ResourceNotFoundException')
      return new AwsAccessError(
        `ledger table "${this.options.table}" does not exist in this account and region: create it (partition key pk, String; TTL attribute expiresAt), deploy the stack, or remove ledgerTable from the config`,
        `DynamoDB ${operation}`,
        { cause: err },
      );
    return explainAwsError(err, `DynamoDB ${operation} on ledger table ${this.options.table}`, `dynamodb:${operation}`);
  }

  private epoch(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  async delivered(alertIds: readonly string[], channel: string): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < alertIds.length; i += BATCH_GET_LIMIT) {
      let request: Record<string, KeysAndAttributes> | undefined = {
        [this.options.table]: {
          Keys: alertIds.slice(i, i + BATCH_GET_LIMIT).map((id) => key(id, channel)),
          ProjectionExpression: 'alertId, #s',
          ExpressionAttributeNames: { '#s': 'status' },
        },
      };
      // DynamoDB may hand back part of a batch as UnprocessedKeys under load.
      for (let attempt = 0; request && Object.keys(request).length && attempt < 5; attempt++) {
        const out: BatchGetItemCommandOutput = await this.ddb.send(new BatchGetItemCommand({ RequestItems: request })).catch((err: unknown) => {
          throw this.explain(err, 'BatchGetItem');
        });
        for (const item of out.Responses?.[this.options.table] ?? []) if (item.status?.S === 'sent' && item.alertId?.S) found.add(item.alertId.S);
        request = out.UnprocessedKeys;
      }
    }
    return found;
  }

  async claim(alertId: string, channel: string): Promise<ClaimOutcome> {
    const now = this.epoch();
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.options.table,
          Item: {
            ...key(alertId, channel),
            alertId: { S: alertId },
            channel: { S: channel },
            status: { S: 'pending' },
            claimedAt: { N: String(now) },
            expiresAt: { N: String(now + this.retentionSeconds) },
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :failed OR (#s = :pending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':failed': { S: 'failed' },
            ':pending': { S: 'pending' },
            ':stale': { N: String(now - this.staleSeconds) },
          },
        }),
      );
      return 'claimed';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException') return 'taken';
      throw this.explain(err, 'PutItem');
    }
  }

  async markSent(alertId: string, channel: string): Promise<void> {
    await this.update(alertId, channel, 'SET #s = :s, sentAt = :t REMOVE lastError', { ':s': { S: 'sent' }, ':t': { N: String(this.epoch()) } });
  }

  async markFailed(alertId: string, channel: string, error: string): Promise<void> {
    await this.update(alertId, channel, 'SET #s = :s, lastError = :e, failedAt = :t', {
      ':s': { S: 'failed' },
      ':e': { S: error.slice(0, 1000) },
      ':t': { N: String(this.epoch()) },
    });
  }

  private async update(alertId: string, channel: string, expression: string, values: Record<string, { S: string } | { N: string }>) {
    await this.ddb
      .send(
        new UpdateItemCommand({
          TableName: this.options.table,
          Key: key(alertId, channel),
          UpdateExpression: expression,
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: values,
        }),
      )
      .catch((err: unknown) => {
        throw this.explain(err, 'UpdateItem');
      });
  }
}

/** Used when no ledger table is configured: every alert is new, every time. */
export class NoLedger implements AlertLedger {
  async delivered(): Promise<Set<string>> {
    return new Set();
  }
  async claim(): Promise<ClaimOutcome> {
    return 'claimed';
  }
  async markSent(): Promise<void> {}
  async markFailed(): Promise<void> {}
}
