import {
  BatchGetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { errorMessage, explainAwsError, isAccessDenied } from '../aws/errors.js';
import { AwsAccessError } from '../errors.js';
import { STALE_CLAIM_SECONDS } from './limits.js';
import { ledgerKey, legacyKey } from '../alerts/keys.js';
import { deliveryItem, keyItem, type Expression, type Item } from './table.js';
import type { DeliveryTarget } from '../alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome, SentRecord } from './ledger.js';

export interface DynamoLedgerOptions {
  readonly table: string;
  /** How long an entry is kept; it must outlive the longest alert period (a budget year). @default 400 days */
  readonly retentionDays?: number;
  /** A claim older than this is presumed abandoned (the run died mid-send). @default STALE_CLAIM_SECONDS (3 minutes) */
  readonly staleClaimSeconds?: number;
  /** Pauses before each extra attempt at marking a delivery, on top of the SDK's own retries. @default [300, 1000, 3000] */
  readonly markRetryDelaysMs?: readonly number[];
  readonly now?: () => Date;
}

/** BatchGetItem reads at most 100 keys a call. */
const BATCH_GET_LIMIT = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isConditionFailure = (err: unknown) => (err as Error)?.name === 'ConditionalCheckFailedException';

/** A missing table is a setup mistake: say how to make it, not "Requested resource not found". */
export const explainLedgerError =
  (table: string) =>
  (err: unknown, operation: string): Error => {
    if ((err as Error)?.name === 'ResourceNotFoundException')
      return new AwsAccessError(
        `ledger table "${table}" does not exist in this account and region: create it (partition key pk, String; TTL attribute ` +
          `expiresAt), deploy the stack, or remove ledgerTable from the config`,
        `DynamoDB ${operation}`,
        { cause: err },
      );
    return explainAwsError(err, `DynamoDB ${operation} on ledger table ${table}`, `dynamodb:${operation}`);
  };

export class DynamoLedger implements AlertLedger {
  private readonly retentionSeconds: number;
  private readonly staleSeconds: number;
  private readonly now: () => Date;

  constructor(
    private readonly ddb: DynamoDBClient,
    private readonly options: DynamoLedgerOptions,
  ) {
    this.retentionSeconds = (options.retentionDays ?? 400) * 86_400;
    this.staleSeconds = options.staleClaimSeconds ?? STALE_CLAIM_SECONDS;
    this.now = options.now ?? (() => new Date());
  }

  private explain(err: unknown, operation: string): Error {
    return explainLedgerError(this.options.table)(err, operation);
  }

  private epoch(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /**
   * Reads the hashed keys and, for an upgrade, the old readable ones. A read
   * that fails for a passing reason is not fatal: the conditional claim that
   * follows is the real guard. A missing table or permission is.
   */
  async delivered(alertIds: readonly string[], target: DeliveryTarget): Promise<Set<string>> {
    const byKey = new Map<string, string>();
    for (const id of alertIds) {
      byKey.set(ledgerKey(id, target), id);
      const old = legacyKey(id, target);
      if (old) byKey.set(old, id);
    }
    const keys = [...byKey.keys()];
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
      let request: Record<string, KeysAndAttributes> | undefined = {
        [this.options.table]: {
          Keys: keys.slice(i, i + BATCH_GET_LIMIT).map(keyItem),
          ProjectionExpression: deliveryItem.projection.expression,
          ExpressionAttributeNames: deliveryItem.projection.names,
        },
      };
      // DynamoDB may hand back part of a batch as UnprocessedKeys under load.
      for (let attempt = 0; request && Object.keys(request).length && attempt < 5; attempt++) {
        if (attempt) await sleep(50 * 2 ** attempt);
        let out: BatchGetItemCommandOutput;
        try {
          out = await this.ddb.send(new BatchGetItemCommand({ RequestItems: request }));
        } catch (err) {
          if ((err as Error)?.name === 'ResourceNotFoundException' || isAccessDenied(err)) throw this.explain(err, 'BatchGetItem');
          return found;
        }
        for (const item of out.Responses?.[this.options.table] ?? []) {
          const id = item.pk?.S === undefined ? undefined : byKey.get(item.pk.S);
          if (deliveryItem.isSent(item) && id !== undefined) found.add(id);
        }
        request = out.UnprocessedKeys;
      }
    }
    return found;
  }

  async claim(alertId: string, target: DeliveryTarget): Promise<ClaimOutcome> {
    const now = this.epoch();
    const condition = deliveryItem.claimCondition(now - this.staleSeconds);
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.options.table,
          Item: deliveryItem.claim(alertId, target, now, now + this.retentionSeconds),
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: condition.names,
          ExpressionAttributeValues: condition.values,
          // What blocked the claim tells a delivered alert from one another run is sending right now.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { status: 'claimed' };
    } catch (err) {
      if (!isConditionFailure(err)) throw this.explain(err, 'PutItem');
      const old = deliveryItem.blockedBy((err as { Item?: Item }).Item);
      if (old.sent) return { status: 'sent' };
      return old.claimedAt === undefined
        ? { status: 'in-progress' }
        : { status: 'in-progress', staleAt: new Date((old.claimedAt + this.staleSeconds) * 1000) };
    }
  }

  markSent(alertId: string, target: DeliveryTarget, record?: SentRecord): Promise<MarkOutcome> {
    return this.update(alertId, target, deliveryItem.sent(this.epoch(), record));
  }

  markFailed(alertId: string, target: DeliveryTarget, error: string): Promise<MarkOutcome> {
    return this.update(alertId, target, deliveryItem.failed(error, this.epoch()));
  }

  /** The message is already out (or already failed): keep trying to record it, then say what happened instead of throwing. */
  private async update(alertId: string, target: DeliveryTarget, change: Expression): Promise<MarkOutcome> {
    const delays = this.options.markRetryDelaysMs ?? [300, 1000, 3000];
    let last: unknown;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt) await sleep(delays[attempt - 1]!);
      try {
        await this.ddb.send(
          new UpdateItemCommand({
            TableName: this.options.table,
            Key: deliveryItem.key(alertId, target),
            UpdateExpression: change.expression,
            ExpressionAttributeNames: change.names,
            ExpressionAttributeValues: change.values,
          }),
        );
        return { recorded: true };
      } catch (err) {
        last = err;
        if ((err as Error)?.name === 'ResourceNotFoundException' || isAccessDenied(err)) break;
      }
    }
    return { recorded: false, error: errorMessage(this.explain(last, 'UpdateItem')) };
  }
}
