import {
  BatchGetItemCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type KeysAndAttributes,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { ActionRecord, ActionStatus } from '../detect/actions/types.js';
import { explainLedgerError } from './dynamo-ledger.js';
import {
  actionKey,
  actionScanFilter,
  createCondition,
  decodeAction,
  encodeAction,
  openIndexKey,
  stepCondition,
  type ActionLock,
  type StoredAction,
} from './action-table.js';
import type { Item } from './table.js';

export type { ActionLock, StoredAction } from './action-table.js';

/**
 * Budget action records, kept in the ledger table.
 *
 * - `create` writes a record only if none with its id exists: of two runs that
 *   trigger the same (action, budget, account, period), one creates it and the
 *   other reads it back (`created: false`) and does nothing more.
 * - `step` replaces a record only while it is still the version that was read
 *   and in one of the statuses the step starts from (see detect/actions/lifecycle.ts);
 *   with `lock` it also takes the record for an apply or undo (refused while
 *   another holder's lock is fresh). undefined means someone else moved it first:
 *   re-read, and say what it is now.
 * - `openIds` lists records that may hold changes to restore, so a budgets run
 *   finds them with one read instead of scanning the table.
 */
export interface ActionRecords {
  get(id: string): Promise<StoredAction | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, StoredAction>>;
  create(record: ActionRecord): Promise<{ created: boolean; stored: StoredAction }>;
  step(from: StoredAction, next: ActionRecord, statuses: readonly ActionStatus[], lock?: TakeLock): Promise<StoredAction | undefined>;
  /** Every record, newest period first. A Scan: for the CLI, never on a job's path. */
  list(): Promise<ActionRecord[]>;
  openIds(): Promise<string[]>;
  setOpen(id: string, open: boolean): Promise<void>;
}

export interface TakeLock {
  readonly step: ActionLock['step'];
  /** A lock taken before this (epoch seconds) is presumed abandoned (the run died mid-apply). */
  readonly staleBefore: number;
}

/** A record is held at most this long by one apply or undo: a Lambda's 15 minutes. */
export const ACTION_LOCK_SECONDS = 900;

const isConditionFailure = (err: unknown) => (err as Error)?.name === 'ConditionalCheckFailedException';
const BATCH_GET_LIMIT = 100;

export class DynamoActionRecords implements ActionRecords {
  private readonly explain: (err: unknown, operation: string) => Error;

  constructor(
    private readonly ddb: DynamoDBClient,
    private readonly table: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.explain = explainLedgerError(table);
  }

  private async send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return run().catch((err: unknown) => {
      throw this.explain(err, operation);
    });
  }

  async get(id: string): Promise<StoredAction | undefined> {
    const out = await this.send('GetItem', () =>
      this.ddb.send(new GetItemCommand({ TableName: this.table, Key: actionKey(id), ConsistentRead: true })),
    );
    return decodeAction(out.Item);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, StoredAction>> {
    const found = new Map<string, StoredAction>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let keys: Item[] | undefined = unique.slice(i, i + BATCH_GET_LIMIT).map(actionKey);
      for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
        const request: Record<string, KeysAndAttributes> = { [this.table]: { Keys: keys, ConsistentRead: true } };
        const out: BatchGetItemCommandOutput = await this.send('BatchGetItem', () =>
          this.ddb.send(new BatchGetItemCommand({ RequestItems: request })),
        );
        for (const item of out.Responses?.[this.table] ?? []) {
          const stored = decodeAction(item);
          if (stored) found.set(stored.record.id, stored);
        }
        keys = out.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found;
  }

  async create(record: ActionRecord): Promise<{ created: boolean; stored: StoredAction }> {
    const stored: StoredAction = { record, version: 1 };
    try {
      await this.ddb.send(new PutItemCommand({ TableName: this.table, Item: encodeAction(stored), ConditionExpression: createCondition }));
      return { created: true, stored };
    } catch (err) {
      if (!isConditionFailure(err)) throw this.explain(err, 'PutItem');
    }
    const existing = await this.get(record.id);
    if (!existing) throw new Error(`action record ${record.id}: the create was refused but no record is there`);
    return { created: false, stored: existing };
  }

  async step(
    from: StoredAction,
    next: ActionRecord,
    statuses: readonly ActionStatus[],
    lock?: TakeLock,
  ): Promise<StoredAction | undefined> {
    const condition = stepCondition(from.version, statuses, lock?.staleBefore);
    const now = Math.floor(this.now().getTime() / 1000);
    const stored: StoredAction = { record: next, version: from.version + 1, ...(lock ? { lock: { at: now, step: lock.step } } : {}) };
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.table,
          Item: encodeAction(stored),
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: condition.names,
          ExpressionAttributeValues: condition.values,
        }),
      );
      return stored;
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw this.explain(err, 'PutItem');
    }
  }

  async list(): Promise<ActionRecord[]> {
    const records: ActionRecord[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await this.send('Scan', () =>
        this.ddb.send(
          new ScanCommand({
            TableName: this.table,
            FilterExpression: actionScanFilter.expression,
            ExpressionAttributeNames: actionScanFilter.names,
            ExpressionAttributeValues: actionScanFilter.values,
            ExclusiveStartKey: start,
          }),
        ),
      );
      for (const item of out.Items ?? []) {
        const stored = decodeAction(item);
        if (stored) records.push(stored.record);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return records.sort((a, b) => b.period.start.localeCompare(a.period.start) || a.id.localeCompare(b.id));
  }

  async openIds(): Promise<string[]> {
    const out = await this.send('GetItem', () =>
      this.ddb.send(new GetItemCommand({ TableName: this.table, Key: openIndexKey, ConsistentRead: true })),
    );
    return [...(out.Item?.ids?.SS ?? [])].sort();
  }

  async setOpen(id: string, open: boolean): Promise<void> {
    await this.send('UpdateItem', () =>
      this.ddb.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: openIndexKey,
          UpdateExpression: `${open ? 'ADD' : 'DELETE'} ids :id`,
          ExpressionAttributeValues: { ':id': { SS: [id] } },
        }),
      ),
    );
  }
}
