import {
  BatchGetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { errorMessage, explainAwsError, isAccessDenied } from '../aws/errors.js';
import { AwsAccessError } from '../errors.js';
import { ERROR_TEXT_MAX_CHARS, LEDGER_ID_ATTRIBUTE_MAX_CHARS, STALE_CLAIM_SECONDS } from '../notify/limits.js';
import { clip } from '../text/clip.js';
import { ledgerKey, legacyKey } from '../alerts/keys.js';
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
        `ledger table "${table}" does not exist in this account and region: create it (partition key pk, String; TTL attribute expiresAt), deploy the stack, or remove ledgerTable from the config`,
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
          Keys: keys.slice(i, i + BATCH_GET_LIMIT).map((pk) => ({ pk: { S: pk } })),
          ProjectionExpression: 'pk, #s',
          ExpressionAttributeNames: { '#s': 'status' },
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
          if (item.status?.S === 'sent' && id !== undefined) found.add(id);
        }
        request = out.UnprocessedKeys;
      }
    }
    return found;
  }

  async claim(alertId: string, target: DeliveryTarget): Promise<ClaimOutcome> {
    const now = this.epoch();
    const item: Record<string, AttributeValue> = {
      pk: { S: ledgerKey(alertId, target) },
      alertId: { S: clip(alertId, LEDGER_ID_ATTRIBUTE_MAX_CHARS) },
      channel: { S: target.channel },
      status: { S: 'pending' },
      claimedAt: { N: String(now) },
      expiresAt: { N: String(now + this.retentionSeconds) },
    };
    if (target.destination !== undefined) item.destination = { S: target.destination };
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.options.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :failed OR (#s = :pending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':failed': { S: 'failed' }, ':pending': { S: 'pending' }, ':stale': { N: String(now - this.staleSeconds) } },
          // What blocked the claim tells a delivered alert from one another run is sending right now.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { status: 'claimed' };
    } catch (err) {
      if (!isConditionFailure(err)) throw this.explain(err, 'PutItem');
      const old = (err as { Item?: Record<string, AttributeValue> }).Item;
      if (old?.status?.S === 'sent') return { status: 'sent' };
      const claimedAt = Number(old?.claimedAt?.N);
      return Number.isFinite(claimedAt) ? { status: 'in-progress', staleAt: new Date((claimedAt + this.staleSeconds) * 1000) } : { status: 'in-progress' };
    }
  }

  markSent(alertId: string, target: DeliveryTarget, record?: SentRecord): Promise<MarkOutcome> {
    const values: Record<string, AttributeValue> = { ':s': { S: 'sent' }, ':t': { N: String(this.epoch()) } };
    let set = 'SET #s = :s, sentAt = :t';
    if (record) {
      const r = record.subject;
      Object.assign(values, { ':job': { S: r.job }, ':scope': { S: r.scope }, ':key': { S: r.key }, ':acct': r.account === null ? { NULL: true } : { S: r.account } });
      set += ', job = :job, #scope = :scope, #key = :key, account = :acct';
      if (record.message) {
        Object.assign(values, { ':mc': { S: record.message.channel }, ':mts': { S: record.message.ts } });
        set += ', msgChannel = :mc, msgTs = :mts';
      }
      if (record.anomalyId) {
        values[':an'] = { S: record.anomalyId };
        set += ', anomalyId = :an';
      }
    }
    return this.update(alertId, target, `${set} REMOVE lastError`, values, record ? { '#scope': 'scope', '#key': 'key' } : {});
  }

  markFailed(alertId: string, target: DeliveryTarget, error: string): Promise<MarkOutcome> {
    return this.update(alertId, target, 'SET #s = :s, lastError = :e, failedAt = :t', {
      ':s': { S: 'failed' },
      ':e': { S: clip(error, ERROR_TEXT_MAX_CHARS) },
      ':t': { N: String(this.epoch()) },
    });
  }

  /** The message is already out (or already failed): keep trying to record it, then say what happened instead of throwing. */
  private async update(
    alertId: string,
    target: DeliveryTarget,
    expression: string,
    values: Record<string, AttributeValue>,
    names: Record<string, string> = {},
  ): Promise<MarkOutcome> {
    const delays = this.options.markRetryDelaysMs ?? [300, 1000, 3000];
    let last: unknown;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt) await sleep(delays[attempt - 1]!);
      try {
        await this.ddb.send(
          new UpdateItemCommand({
            TableName: this.options.table,
            Key: { pk: { S: ledgerKey(alertId, target) } },
            UpdateExpression: expression,
            ExpressionAttributeNames: { '#s': 'status', ...names },
            ExpressionAttributeValues: values,
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
