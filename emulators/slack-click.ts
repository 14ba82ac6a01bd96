import { createHmac } from 'node:crypto';
import type { ActionsBlock, AnyBlock, Button } from '@slack/types';

/**
 * Builds what Slack posts to an interactivity URL when someone clicks a
 * button: a form-encoded `payload` with the block_actions JSON, signed
 * (v0) with the app's signing secret. Tests and the bench use it.
 */
export interface ClickOptions {
  readonly user?: { id: string; username?: string };
  readonly channel?: string;
  readonly ts?: string;
  /** The message as Slack would echo it back. */
  readonly message?: { text: string; blocks: AnyBlock[] };
}

export interface SignedHttpRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function clickPayload(button: Pick<Button, 'action_id' | 'value' | 'url'>, o: ClickOptions = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: o.user ?? { id: 'U0ONCALL', username: 'alice' },
    api_app_id: 'A0COSTWATCH',
    container: { type: 'message', channel_id: o.channel ?? 'C0ALERTS', message_ts: o.ts ?? '1.000001' },
    channel: { id: o.channel ?? 'C0ALERTS' },
    message: o.message,
    actions: [{ type: 'button', block_id: 'cost-watch-actions', action_ts: '1.2', ...button }],
  };
}

export function signRequest(secret: string, body: string, now = new Date()): SignedHttpRequest {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
    body,
  };
}

export const formBody = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** The buttons of a posted message, in order. */
export function buttonsOf(blocks: readonly AnyBlock[]): Button[] {
  return blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is Button => e.type === 'button'));
}
