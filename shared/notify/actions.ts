import { clip } from '../text/clip.js';
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { ledgerKey } from '../alerts/keys.js';
import type { DeliveryTarget } from '../alerts/alert.js';
import { choiceMenus, menuValues, SELECT_LIMITS } from './action-selects.js';
import { buttonLabels } from './button-labels.js';
import { MUTE_DAYS, muteKey } from '../alerts/keys.js';
import { context, SLACK_LIMITS } from './blocks.js';
import { escapeMrkdwn, oneLine } from './escape.js';
import type { SlackMessage } from './slack.js';
import type { Alert } from '../alerts/alert.js';

export { ACTION_IDS, actionKindOf, type ActionKind } from '../alerts/actions.js';
import { ACTION_IDS, type ActionKind } from '../alerts/actions.js';

const SLACK: DeliveryTarget = { channel: 'slack' };

/** Slack's own limits for buttons and actions blocks. */
export const BUTTON_LIMITS = { elementsPerBlock: 25, text: 75, value: 2000 } as const;

// One shared clip: never splits an emoji or an &amp; entity (Slack answers invalid_blocks for a broken character).

function label(a: Alert): string {
  return a.subject.scope === 'total' ? 'total spend' : oneLine(a.subject.key);
}

/** Before each Mute label when a message has several alerts; the label gets the rest of Slack's 75 characters. */
const MUTE_PREFIX = `Mute ${MUTE_DAYS.default} days: `;

function button(kind: ActionKind, index: number, text: string, value: string, extra: Partial<Button> = {}): Button {
  return {
    type: 'button',
    action_id: `${ACTION_IDS[kind]}:${index}`,
    text: { type: 'plain_text', text: clip(text, BUTTON_LIMITS.text), emoji: true },
    value,
    ...extra,
  };
}

type Keyed = { readonly a: Alert; readonly value: string };

/**
 * Acknowledge (the whole message), then per alert Mute 7 days, and Expected
 * where the alert carries an AWS anomaly. When those buttons would not fit one
 * actions block (25 elements), the Mute and Expected choices go into menus of
 * up to 100 alerts each instead; alerts beyond even those are named in a
 * context line with the CLI command.
 */
export function alertActions(alerts: readonly Alert[], muted = 0, target: DeliveryTarget = SLACK): KnownBlock[] {
  const fitting = alerts.map((a) => ({ a, value: ledgerKey(a.alertId, target) })).filter((x) => x.value.length <= BUTTON_LIMITS.value);
  // A mute is per subject: two alerts about one subject (a budget's actual and forecast tiers) share one Mute.
  const keyed = fitting.filter((k, i) => fitting.findIndex((o) => muteKey(o.a.subject) === muteKey(k.a.subject)) === i);
  const first = keyed[0];
  const elements: ActionsBlock['elements'] = first ? [button('acknowledge', 0, 'Acknowledge', first.value, { style: 'primary' })] : [];
  const wanted = keyed.length + keyed.filter((k) => k.a.anomalyId).length;
  const offered = elements.length + wanted > BUTTON_LIMITS.elementsPerBlock ? menus(keyed, elements) : buttons(keyed, elements);
  const blocks: KnownBlock[] = [];
  if (elements.length) blocks.push({ type: 'actions', block_id: 'cost-watch-actions', elements } satisfies ActionsBlock);
  const notes: string[] = [];
  const left = alerts.length - (fitting.length - keyed.length) - offered;
  if (left) notes.push(`${left} more alert${left === 1 ? '' : 's'} without buttons: mute with \`npx cost-watch mute <job> <key>\`.`);
  if (muted) notes.push(`${muted} muted alert${muted === 1 ? '' : 's'} left out (\`npx cost-watch mutes\` lists them).`);
  if (notes.length) blocks.push(context(notes.join(' ')));
  return blocks;
}

/** One Mute (and Expected) button per alert while they fit; returns how many alerts got a Mute. */
function buttons(keyed: readonly Keyed[], elements: ActionsBlock['elements']): number {
  const many = keyed.length > 1;
  const labels = buttonLabels(
    keyed.map((k) => k.a),
    BUTTON_LIMITS.text - MUTE_PREFIX.length,
  );
  let offered = 0;
  keyed.forEach(({ a, value }, i) => {
    const wanted = [
      button('mute', i, many ? `${MUTE_PREFIX}${labels[i]}` : `Mute ${MUTE_DAYS.default} days`, value, { confirm: muteConfirm(a) }),
    ];
    if (a.anomalyId) wanted.push(button('expected', i, many ? `Expected: ${labels[i]}` : 'Expected (tell AWS)', value));
    if (elements.length + wanted.length > BUTTON_LIMITS.elementsPerBlock) return;
    elements.push(...wanted);
    offered += 1;
  });
  return offered;
}

/** Mute and Expected menus of up to 100 alerts each, Mute first, within the block's 25 elements. */
function menus(keyed: readonly Keyed[], elements: ActionsBlock['elements']): number {
  const labels = buttonLabels(
    keyed.map((k) => k.a),
    SELECT_LIMITS.optionText,
  );
  const choices = keyed.map((k, i) => ({ text: labels[i]!, value: k.value }));
  const room = BUTTON_LIMITS.elementsPerBlock - elements.length;
  const mutes = choiceMenus(ACTION_IDS.mute, `Mute ${MUTE_DAYS.default} days…`, choices, MENU_CONFIRM).slice(0, room);
  const anomalies = choices.filter((_, i) => keyed[i]!.a.anomalyId);
  const expected = choiceMenus(ACTION_IDS.expected, 'Expected (tell AWS)…', anomalies).slice(0, room - mutes.length);
  elements.push(...mutes, ...expected);
  return menuValues(mutes).length;
}

const MENU_CONFIRM: Button['confirm'] = {
  title: { type: 'plain_text', text: `Mute for ${MUTE_DAYS.default} days?` },
  text: { type: 'plain_text', text: `No alerts about the chosen subject for ${MUTE_DAYS.default} days, in any channel.` },
  confirm: { type: 'plain_text', text: 'Mute' },
  deny: { type: 'plain_text', text: 'Cancel' },
};

function muteConfirm(a: Alert): Button['confirm'] {
  return {
    title: { type: 'plain_text', text: 'Mute for 7 days?' },
    text: {
      type: 'mrkdwn',
      text: clip(
        `No ${escapeMrkdwn(a.subject.job)} alerts about *${escapeMrkdwn(label(a))}* for ${MUTE_DAYS.default} days, in any channel.`,
        300,
      ),
    },
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
