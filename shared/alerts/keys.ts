import { createHash } from 'node:crypto';
import type { AlertSubject, DeliveryTarget, PostedMessage } from './alert.js';

/** The ledger table's key prefixes, one per item kind (legacy delivery keys have none: `<alertId>#<channel>`). */
export const KEY_PREFIX = {
  delivery: 'v2#',
  mute: 'mute|',
  slackRequest: 'slack-request|',
  slackMessage: 'slack-message|',
  action: 'action|',
  actionIndex: 'action-index|',
} as const;

/**
 * The ledger's partition key for one (alert, channel[, destination]): a
 * SHA-256, so that any alert id fits DynamoDB's 2,048-byte key limit (a
 * 5,000-character service name used to abort the whole run). The readable
 * alert id, channel and destination are stored as attributes beside it.
 */
export function ledgerKey(alertId: string, target: DeliveryTarget): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([alertId, target.channel, target.destination ?? null]))
    .digest('hex');
  return `${KEY_PREFIX.delivery}${digest}`;
}

/** DynamoDB's limit for a partition key value. */
const KEY_MAX_BYTES = 2048;

/**
 * The key versions before 0.2 wrote (`<alertId>#<channel>`), read so that an
 * upgrade does not send again what the old version already delivered (a budget
 * tier of the current period, say). Only for targets without a destination,
 * and only where such a key could exist at all. Kept until the 400-day
 * retention has emptied the old items.
 */
export function legacyKey(alertId: string, target: DeliveryTarget): string | undefined {
  if (target.destination !== undefined) return undefined;
  const key = `${alertId}#${target.channel}`;
  return Buffer.byteLength(key, 'utf8') <= KEY_MAX_BYTES ? key : undefined;
}

/**
 * The ledger item of a subject's mute. Whatever the alert's period or
 * severity, the same (job, scope, account, key) maps to the same item.
 */
export const muteKey = (s: AlertSubject) => `${KEY_PREFIX.mute}${s.job}|${s.scope}|${s.account ?? '-'}|${s.key}`;

/** The item recording one verified Slack request's signature (replay guard). */
export const slackRequestKey = (signature: string) => `${KEY_PREFIX.slackRequest}${signature}`;

/** The item holding the actions taken on one posted Slack message. */
export const slackMessageKey = (m: PostedMessage) => `${KEY_PREFIX.slackMessage}${m.channel}|${m.ts}`;

/** How long a mute may last, in days (CLI --days and the Slack button). */
export const MUTE_DAYS = { min: 1, max: 90, default: 7 } as const;

export const muteUntil = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
