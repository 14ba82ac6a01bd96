import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { JOB_NAMES } from '../alerts/jobs.js';
import type { AlertSubject, DeliveryTarget, PostedMessage } from '../alerts/alert.js';
import { KEY_PREFIX, ledgerKey, muteKey, slackMessageKey, slackRequestKey } from '../alerts/keys.js';
import type { ActionKind } from '../alerts/actions.js';
import { ERROR_TEXT_MAX_CHARS, LEDGER_ID_ATTRIBUTE_MAX_CHARS } from './limits.js';
import { clip } from '../text/clip.js';
import type { SentRecord } from './ledger.js';

/**
 * The ledger table's one codec: every item kind it holds (deliveries, mutes,
 * Slack request signatures, Slack message states), their keys and attributes,
 * and the expressions that read and write them. The ledger, the mute store and
 * the Slack actions record talk to DynamoDB only through these functions.
 */
export type Item = Record<string, AttributeValue>;

/** The parts of a DynamoDB request that name and fill attributes. */
export interface Expression {
  readonly expression: string;
  readonly names?: Record<string, string>;
  readonly values: Item;
}

export const keyItem = (pk: string): Item => ({ pk: { S: pk } });
const str = (item: Item | undefined, name: string) => item?.[name]?.S;
const nullable = (v: string | null): AttributeValue => (v === null ? { NULL: true } : { S: v });

/** A subject that is not alerted until `until`. */
export interface Mute extends AlertSubject {
  /** ISO timestamp; the mute no longer holds from then on. */
  readonly until: string;
  /** Who muted it: a Slack user (`<@U…>` name) or `cli:<user>`. */
  readonly by: string;
}

/** What the ledger says about an alert a button names: the endpoint acts on this, never on the click. */
export interface AlertRecord {
  readonly ledgerKey: string;
  readonly alertId: string;
  readonly subject: AlertSubject;
  readonly message?: PostedMessage;
  readonly anomalyId?: string;
}

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

/** Delivery items (`v2#…`, and the legacy `<alertId>#<channel>` ones only read). */
export const deliveryItem = {
  key: (alertId: string, target: DeliveryTarget): Item => keyItem(ledgerKey(alertId, target)),
  /** What a batch read of delivery keys fetches. */
  projection: { expression: 'pk, #s', names: { '#s': 'status' } },
  isSent: (item: Item) => str(item, 'status') === 'sent',

  claim(alertId: string, target: DeliveryTarget, now: number, expiresAt: number): Item {
    const item: Item = {
      pk: { S: ledgerKey(alertId, target) },
      alertId: { S: clip(alertId, LEDGER_ID_ATTRIBUTE_MAX_CHARS) },
      channel: { S: target.channel },
      status: { S: 'pending' },
      claimedAt: { N: String(now) },
      expiresAt: { N: String(expiresAt) },
    };
    if (target.destination !== undefined) item.destination = { S: target.destination };
    return item;
  },

  /** A claim succeeds on a new item, a failed one, or one pending since before `staleBefore`. */
  claimCondition: (staleBefore: number): Expression => ({
    expression: 'attribute_not_exists(pk) OR #s = :failed OR (#s = :pending AND claimedAt < :stale)',
    names: { '#s': 'status' },
    values: { ':failed': { S: 'failed' }, ':pending': { S: 'pending' }, ':stale': { N: String(staleBefore) } },
  }),

  /** What the item that blocked a claim says: delivered, or claimed at (epoch seconds, when known). */
  blockedBy(old: Item | undefined): { sent: true } | { sent: false; claimedAt?: number } {
    if (str(old, 'status') === 'sent') return { sent: true };
    const claimedAt = Number(old?.claimedAt?.N);
    return Number.isFinite(claimedAt) ? { sent: false, claimedAt } : { sent: false };
  },

  sent(now: number, fields?: SentRecord): Expression {
    const values: Item = { ':s': { S: 'sent' }, ':t': { N: String(now) } };
    let set = 'SET #s = :s, sentAt = :t';
    if (fields) {
      const r = fields.subject;
      Object.assign(values, { ':job': { S: r.job }, ':scope': { S: r.scope }, ':key': { S: r.key }, ':acct': nullable(r.account) });
      set += ', job = :job, #scope = :scope, #key = :key, account = :acct';
      if (fields.message) {
        Object.assign(values, { ':mc': { S: fields.message.channel }, ':mts': { S: fields.message.ts } });
        set += ', msgChannel = :mc, msgTs = :mts';
      }
      if (fields.anomalyId) {
        values[':an'] = { S: fields.anomalyId };
        set += ', anomalyId = :an';
      }
    }
    const names: Record<string, string> = fields ? { '#s': 'status', '#scope': 'scope', '#key': 'key' } : { '#s': 'status' };
    return { expression: `${set} REMOVE lastError`, names, values };
  },

  failed: (error: string, now: number): Expression => ({
    expression: 'SET #s = :s, lastError = :e, failedAt = :t',
    names: { '#s': 'status' },
    values: { ':s': { S: 'failed' }, ':e': { S: clip(error, ERROR_TEXT_MAX_CHARS) }, ':t': { N: String(now) } },
  }),

  /** The delivered Slack alert this item records; undefined for anything else (a mute, a claim, nothing). */
  toAlertRecord(ledgerKey: string, item: Item): AlertRecord | undefined {
    const s = (name: string) => str(item, name);
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
  },

  acknowledge: (by: string, at: Date): Expression => ({
    expression: 'SET ackBy = :by, ackAt = :at',
    values: { ':by': { S: by }, ':at': { S: at.toISOString() } },
  }),
};

/** Mute items (`mute|…`), with the table's TTL attribute set to the mute's end. */
export const muteItem = {
  key: (subject: AlertSubject): Item => keyItem(muteKey(subject)),
  encode: (m: Mute): Item => ({
    pk: { S: muteKey(m) },
    kind: { S: 'mute' },
    job: { S: m.job },
    scope: { S: m.scope },
    key: { S: m.key },
    account: nullable(m.account),
    until: { S: m.until },
    by: { S: m.by },
    expiresAt: { N: String(Math.ceil(Date.parse(m.until) / 1000)) },
  }),
  decode(item: Item): Mute | undefined {
    const s = (name: string) => str(item, name);
    const [job, scope, key, until, by] = [s('job'), s('scope'), s('key'), s('until'), s('by')];
    if (s('kind') !== 'mute' || !job || !scope || key === undefined || !until || by === undefined) return undefined;
    return { job: job as Mute['job'], scope, key, account: s('account') ?? null, until, by };
  },
  /** The Scan filter that finds every mute item. */
  scanFilter: {
    expression: 'begins_with(pk, :p) AND #kind = :k',
    names: { '#kind': 'kind' },
    values: { ':p': { S: KEY_PREFIX.mute }, ':k': { S: 'mute' } },
  } satisfies Expression,
};

/** Items carrying a subject (delivered alerts, mutes): the Scan for one job and scope, projecting the key. */
export const subjectScan = (subject: Pick<AlertSubject, 'job' | 'scope'>) => ({
  filter: 'job = :job AND #scope = :scope',
  projection: '#key',
  names: { '#scope': 'scope', '#key': 'key' },
  values: { ':job': { S: subject.job }, ':scope': { S: subject.scope } } as Item,
  subjectKey: (item: Item) => str(item, 'key'),
});

/** A verified Slack request's signature (`slack-request|…`), kept for the replay window plus a margin. */
export const slackRequestItem = (signature: string, now: Date): Item => ({
  pk: { S: slackRequestKey(signature) },
  expiresAt: { N: String(Math.floor(now.getTime() / 1000) + 600) },
});

/** Kept as long as anyone might still click a button on the message. */
const MESSAGE_KEEP_SECONDS = 180 * 24 * 3600;

/** The actions taken on one Slack message (`slack-message|<channel>|<ts>`). */
export const messageStateItem = {
  key: (m: PostedMessage): Item => keyItem(slackMessageKey(m)),
  /** Appends one action atomically; `shownText` is kept only by the first. */
  append: (action: RecordedAction, shownText: string | undefined, now: Date): Expression => ({
    expression:
      'SET actions = list_append(if_not_exists(actions, :none), :one), version = if_not_exists(version, :zero) + :inc, expiresAt = :exp' +
      (shownText === undefined ? '' : ', baseText = if_not_exists(baseText, :text)'),
    values: {
      ':none': { L: [] },
      ':one': { L: [{ M: { kind: { S: action.kind }, value: { S: action.value }, note: { S: action.note } } }] },
      ':zero': { N: '0' },
      ':inc': { N: '1' },
      ':exp': { N: String(Math.floor(now.getTime() / 1000) + MESSAGE_KEEP_SECONDS) },
      ...(shownText === undefined ? {} : { ':text': { S: shownText } }),
    },
  }),
  decode(item: Item | undefined): MessageState {
    const actions = (item?.actions?.L ?? []).flatMap((a): RecordedAction[] => {
      const m = a.M;
      return m?.kind?.S && m.value?.S !== undefined && m.note?.S
        ? [{ kind: m.kind.S as ActionKind, value: m.value.S, note: m.note.S }]
        : [];
    });
    return { version: Number(item?.version?.N ?? 0), baseText: item?.baseText?.S, actions };
  },
};
