import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { PostedMessage } from '../alerts/alert.js';

/** The `event_type` of the metadata every alert message carries: how a run finds its own post again. */
export const DELIVERY_EVENT_TYPE = 'cost_watch_delivery';

export interface DeliveryMetadata {
  readonly event_type: string;
  readonly event_payload: { readonly key: string };
}

/**
 * One key per (destination, set of alerts): the same alerts to the same
 * channel always make the same key, so a later look in the channel's history
 * recognises the message whatever run posted it.
 */
export function deliveryMetadata(destination: string, alertIds: readonly string[]): DeliveryMetadata {
  const hash = createHash('sha256')
    .update(destination)
    .update('\n')
    .update([...alertIds].sort().join('\n'))
    .digest('hex');
  return { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: hash.slice(0, 40) } };
}

/** How far back a look goes (Slack's clock may differ from ours) and how many messages it reads: one page. */
const LOOKBACK_SECONDS = 15 * 60;
const HISTORY_LIMIT = 100;

/**
 * The message with this delivery key posted to `channel` since `sinceMs`
 * (minus a margin), if Slack has it: one bounded conversations.history call.
 * Throws when Slack cannot tell (no answer, a channel name it will not read,
 * a missing scope): the caller must then not post again.
 */
export async function findPosted(
  client: WebClient,
  channel: string,
  metadata: DeliveryMetadata,
  sinceMs: number,
): Promise<PostedMessage | undefined> {
  const oldest = (Math.floor(sinceMs / 1000) - LOOKBACK_SECONDS).toFixed(6);
  const out = await client.conversations.history({ channel, oldest, limit: HISTORY_LIMIT, include_all_metadata: true });
  const hit = out.messages?.find((m) => {
    const meta = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
    return meta?.event_type === metadata.event_type && meta.event_payload?.key === metadata.event_payload.key;
  });
  return hit?.ts ? { channel, ts: hit.ts } : undefined;
}
