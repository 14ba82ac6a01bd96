import {
  BatchGetItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import type { AlertSubject } from '../alerts/alert.js';
import { muteKey } from '../alerts/keys.js';
import { keyItem, muteItem, type Mute } from './table.js';

export type { Mute } from './table.js';

/** Reads which of these subjects are muted now; what dispatch needs. */
export interface MuteReader {
  mutedAmong(subjects: readonly AlertSubject[], now: Date): Promise<Map<string, Mute>>;
}

/** Used when no ledger table is configured: there is nowhere to keep a mute, so nothing is muted. */
export const NO_MUTES: MuteReader = { mutedAmong: async () => new Map() };

/** BatchGetItem reads at most 100 keys a call. */
const BATCH_GET_LIMIT = 100;

/**
 * Mutes live in the ledger table as one item each, with the ledger's TTL
 * attribute set to the mute's end, so DynamoDB removes them afterwards. TTL
 * deletion is lazy (up to days late), so every read also checks `until`.
 */
export class MuteStore implements MuteReader {
  /** BatchGetItem calls made; the figure bench and tests report. */
  reads = 0;

  private readonly explain: (err: unknown, operation: string) => Error;

  /** `explain` turns a DynamoDB error into the one the caller shows (the ledger's says how to create a missing table). */
  constructor(
    private readonly ddb: DynamoDBClient,
    private readonly table: string,
    explain?: (err: unknown, operation: string) => Error,
  ) {
    this.explain = explain ?? ((err, op) => explainAwsError(err, `DynamoDB ${op} on ledger table ${table}`, `dynamodb:${op}`));
  }

  async put(mute: Mute): Promise<void> {
    await this.ddb.send(new PutItemCommand({ TableName: this.table, Item: muteItem.encode(mute) })).catch((err: unknown) => {
      throw this.explain(err, 'PutItem');
    });
  }

  /** True when there was a mute to remove. */
  async remove(subject: AlertSubject): Promise<boolean> {
    const out = await this.ddb
      .send(new DeleteItemCommand({ TableName: this.table, Key: muteItem.key(subject), ReturnValues: 'ALL_OLD' }))
      .catch((err: unknown) => {
        throw this.explain(err, 'DeleteItem');
      });
    return out.Attributes !== undefined;
  }

  /** One BatchGetItem per 100 distinct subjects (one call for a typical run). */
  async mutedAmong(subjects: readonly AlertSubject[], now: Date): Promise<Map<string, Mute>> {
    const keys = [...new Set(subjects.map(muteKey))];
    const found = new Map<string, Mute>();
    for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
      let request: Record<string, KeysAndAttributes> | undefined = {
        [this.table]: { Keys: keys.slice(i, i + BATCH_GET_LIMIT).map(keyItem) },
      };
      // DynamoDB may hand back part of a batch as UnprocessedKeys under load.
      for (let attempt = 0; request && Object.keys(request).length && attempt < 5; attempt++) {
        this.reads += 1;
        const out: BatchGetItemCommandOutput = await this.ddb
          .send(new BatchGetItemCommand({ RequestItems: request }))
          .catch((err: unknown) => {
            throw this.explain(err, 'BatchGetItem');
          });
        for (const item of out.Responses?.[this.table] ?? []) {
          const mute = muteItem.decode(item);
          if (mute && Date.parse(mute.until) > now.getTime()) found.set(muteKey(mute), mute);
        }
        request = out.UnprocessedKeys;
      }
    }
    return found;
  }

  /** Every mute still holding, soonest to end first. A Scan: for the CLI, never on a job's path. */
  async list(now: Date): Promise<Mute[]> {
    const mutes: Mute[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await this.ddb
        .send(
          new ScanCommand({
            TableName: this.table,
            FilterExpression: muteItem.scanFilter.expression,
            ExpressionAttributeNames: muteItem.scanFilter.names,
            ExpressionAttributeValues: muteItem.scanFilter.values,
            ExclusiveStartKey: start,
          }),
        )
        .catch((err: unknown) => {
          throw this.explain(err, 'Scan');
        });
      for (const item of out.Items ?? []) {
        const mute = muteItem.decode(item);
        if (mute && Date.parse(mute.until) > now.getTime()) mutes.push(mute);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return mutes.sort((a, b) => a.until.localeCompare(b.until) || muteKey(a).localeCompare(muteKey(b)));
  }
}
