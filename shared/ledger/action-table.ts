import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { KEY_PREFIX } from '../alerts/keys.js';
import type { ActionRecord, ActionStatus } from '../detect/actions/types.js';
import type { Expression, Item } from './table.js';

/**
 * Budget action items in the ledger table. A record is one item: its status,
 * version and lock as attributes (conditions read them) and the record itself
 * as JSON. Every write replaces the item on the condition that its version is
 * the one read, so two writers never both win.
 */

/** A record's body is JSON; DynamoDB items hold 400 KB, and a plan this large is cut with a note. */
export const ACTION_ITEM_MAX_CHARS = 350_000;
/** Kept past the period's end: `actions` can show last year's records. */
const KEEP_SECONDS = 400 * 86_400;

export const actionKey = (id: string): Item => ({ pk: { S: `${KEY_PREFIX.action}${id}` } });
/** The ids of records that may hold changes to restore (see DynamoActionRecords.openIds). */
export const openIndexKey: Item = { pk: { S: `${KEY_PREFIX.actionIndex}open` } };

/** Who holds a record while applying or undoing, and since when (epoch seconds). */
export interface ActionLock {
  readonly at: number;
  readonly step: 'apply' | 'undo';
}

export interface StoredAction {
  readonly record: ActionRecord;
  readonly version: number;
  readonly lock?: ActionLock;
}

export function encodeAction(s: StoredAction): Item {
  const item: Item = {
    ...actionKey(s.record.id),
    kind: { S: 'budget-action' },
    status: { S: s.record.status },
    version: { N: String(s.version) },
    body: { S: JSON.stringify(s.record) },
    expiresAt: { N: String(Math.floor(Date.parse(`${s.record.period.endExclusive}T00:00:00Z`) / 1000) + KEEP_SECONDS) },
  };
  if (s.lock) Object.assign(item, { lockedAt: { N: String(s.lock.at) }, lockedFor: { S: s.lock.step } });
  return item;
}

export function decodeAction(item: Record<string, AttributeValue> | undefined): StoredAction | undefined {
  const body = item?.body?.S;
  if (item?.kind?.S !== 'budget-action' || !body) return undefined;
  const record = JSON.parse(body) as ActionRecord;
  const lockedAt = Number(item.lockedAt?.N);
  const step = item.lockedFor?.S;
  const lock: ActionLock | undefined =
    Number.isFinite(lockedAt) && (step === 'apply' || step === 'undo') ? { at: lockedAt, step } : undefined;
  return { record, version: Number(item.version?.N ?? 0), ...(lock ? { lock } : {}) };
}

/** Create once: the first run to write a (action, budget, account, period) record wins. */
export const createCondition = 'attribute_not_exists(pk)';

/** The item is still the one read (same version) and in one of these statuses; unlocked or its lock is stale. */
export function stepCondition(version: number, from: readonly ActionStatus[], staleBefore?: number): Expression {
  const values: Item = { ':v': { N: String(version) } };
  from.forEach((s, i) => (values[`:s${i}`] = { S: s }));
  let expression = `version = :v AND #s IN (${from.map((_, i) => `:s${i}`).join(', ')})`;
  if (staleBefore !== undefined) {
    values[':stale'] = { N: String(staleBefore) };
    expression += ' AND (attribute_not_exists(lockedAt) OR lockedAt < :stale)';
  }
  return { expression, names: { '#s': 'status' }, values };
}

/** The Scan filter that finds every action record (the `actions` command; never on a job's path). */
export const actionScanFilter: Expression = {
  expression: 'begins_with(pk, :p) AND #kind = :k',
  names: { '#kind': 'kind' },
  values: { ':p': { S: KEY_PREFIX.action }, ':k': { S: 'budget-action' } },
};
