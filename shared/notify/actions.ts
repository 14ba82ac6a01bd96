import { clip } from '../text/clip.js';
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { ledgerKey } from '../alerts/keys.js';
import type { DeliveryTarget } from '../alerts/alert.js';
import { buttonLabels } from './button-labels.js';
import { MUTE_DAYS } from '../alerts/keys.js';
import { context, RESERVED_FOR_ACTIONS, SLACK_LIMITS } from './blocks.js';
import { escapeMrkdwn, oneLine } from './escape.js';
import type { SlackMessage } from './slack.js';
import type { Alert } from '../alerts/alert.js';

/**
 * The buttons cost-watch puts on its Slack alerts. A button's value is only
 * the ledger key of the alert it is about: the endpoint looks the alert up and
 * acts on what the ledger says, never on the value itself.
 */
export const ACTION_IDS = { acknowledge: 'cost-watch:ack', mute: 'cost-watch:mute', expected: 'cost-watch:expected' } as const;
export type ActionKind = keyof typeof ACTION_IDS;

const SLACK: DeliveryTarget = { channel: 'slack' };

/** Slack's own limits for buttons and actions blocks. */
export const BUTTON_LIMITS = { elementsPerBlock: 25, text: 75, value: 2000 } as const;

/** Blocks the buttons take at most: one actions block and one context line. */
export const ACTION_BLOCKS = RESERVED_FOR_ACTIONS;

/** Which action a click is, from its action_id (`cost-watch:mute:3` → mute); undefined for anything else. */
export function actionKindOf(actionId: string): ActionKind | undefined {
  const prefix = actionId.replace(/:\d+$/, '');
  return (Object.keys(ACTION_IDS) as ActionKind[]).find((k) => ACTION_IDS[k] === prefix);
}

// One shared clip: never splits an emoji or an &amp; entity (Slack answers invalid_blocks for a broken character).

function label(a: Alert): string {
  return a.subject.scope === 'total' ? 'total spend' : oneLine(a.subject.key);
}

/** Before each Mute label when a message has several alerts; the label gets the rest of Slack's 75 characters. */
const MUTE_PREFIX = `Mute ${MUTE_DAYS.default} days: `;

function button(kind: ActionKind, index: number, text: string, value: string, extra: Partial<Button> = {}): Button {
  return { type: 'button', action_id: `${ACTION_IDS[kind]}:${index}`, text: { type: 'plain_text', text: clip(text, BUTTON_LIMITS.text), emoji: true }, value, ...extra };
}

/**
 * Acknowledge (the whole message), then per alert Mute 7 days, and Expected
 * where the alert carries an AWS anomaly. Buttons that do not fit one actions
 * block are named in a context line with the CLI command instead.
 */
export function alertActions(alerts: readonly Alert[], muted = 0, target: DeliveryTarget = SLACK): KnownBlock[] {
  const keyed = alerts.map((a) => ({ a, value: ledgerKey(a.alertId, target) })).filter((x) => x.value.length <= BUTTON_LIMITS.value);
  const elements: Button[] = [];
  const first = keyed[0];
  if (first) elements.push(button('acknowledge', 0, 'Acknowledge', first.value, { style: 'primary' }));
  const many = alerts.length > 1;
  const labels = buttonLabels(keyed.map((k) => k.a), BUTTON_LIMITS.text - MUTE_PREFIX.length);
  let left = 0;
  keyed.forEach(({ a, value }, i) => {
    const wanted = [button('mute', i, many ? `${MUTE_PREFIX}${labels[i]}` : `Mute ${MUTE_DAYS.default} days`, value, { confirm: muteConfirm(a) })];
    if (a.anomalyId) wanted.push(button('expected', i, many ? `Expected: ${labels[i]}` : 'Expected (tell AWS)', value));
    if (elements.length + wanted.length > BUTTON_LIMITS.elementsPerBlock) left += 1;
    else elements.push(...wanted);
  });
  const blocks: KnownBlock[] = [];
  if (elements.length) blocks.push({ type: 'actions', block_id: 'cost-watch-actions', elements } satisfies ActionsBlock);
  const notes: string[] = [];
  left += alerts.length - keyed.length;
  if (left) notes.push(`${left} more alert${left === 1 ? '' : 's'} without buttons: mute with \`npx cost-watch mute <job> <key>\`.`);
  if (muted) notes.push(`${muted} muted alert${muted === 1 ? '' : 's'} left out (\`npx cost-watch mutes\` lists them).`);
  if (notes.length) blocks.push(context(notes.join(' ')));
  return blocks;
}

function muteConfirm(a: Alert): Button['confirm'] {
  return {
    title: { type: 'plain_text', text: 'Mute for 7 days?' },
    text: { type: 'mrkdwn', text: clip(`No ${escapeMrkdwn(a.subject.job)} alerts about *${escapeMrkdwn(label(a))}* for ${MUTE_DAYS.default} days, in any channel.`, 300) },
    confirm: { type: 'plain_text', text: 'Mute' },
    deny: { type: 'plain_text', text: 'Cancel' },
  };
}

/**
 * Adds the buttons to a rendered message, inside the 50-block cap whatever
 * the renderer did: body blocks before the last one give way first.
 * `target` is what the alerts' ledger keys were made with (a route's includes its destination).
 */
export function withAlertActions(message: SlackMessage, alerts: readonly Alert[], muted = 0, target: DeliveryTarget = SLACK): SlackMessage {
  const actions = alertActions(alerts, muted, target);
  const blocks = [...message.blocks];
  const over = blocks.length + actions.length - SLACK_LIMITS.blocks;
  if (over > 0) blocks.splice(Math.max(1, blocks.length - 1 - over), over);
  const text = muted ? `${message.text} (${muted} muted alert${muted === 1 ? '' : 's'} left out)` : message.text;
  return { text, blocks: [...blocks, ...actions] };
}
