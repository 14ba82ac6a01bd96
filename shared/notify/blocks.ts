import type { ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

import { clip } from '../text/clip.js';
import { SLACK_LIMITS } from './limits.js';

export { SLACK_LIMITS };

/**
 * Blocks kept free under the cap for the alert buttons (notify/actions.ts):
 * one actions block (25 buttons, or menus of alerts) and one context line for what did not fit.
 */
export const RESERVED_FOR_ACTIONS = 2;

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText), emoji: true } };
}

export function section(mrkdwn: string, fields?: readonly string[]): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, SLACK_LIMITS.sectionText) } };
  if (fields?.length)
    block.fields = fields.slice(0, SLACK_LIMITS.fields).map((f) => ({ type: 'mrkdwn', text: clip(f, SLACK_LIMITS.fieldText) }));
  return block;
}

export function context(...mrkdwn: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, SLACK_LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: clip(t, SLACK_LIMITS.sectionText) })),
  };
}

export const divider = (): DividerBlock => ({ type: 'divider' });

/**
 * Keeps a message inside Slack's 50-block cap, footer and buttons included: when items
 * must go, the last body block says how many were left out rather than the
 * API rejecting the whole message.
 */
export function capBlocks(body: KnownBlock[], omittedNote: (n: number) => string, footer: KnownBlock[] = []): KnownBlock[] {
  const room = SLACK_LIMITS.blocks - RESERVED_FOR_ACTIONS - footer.length;
  if (body.length <= room) return [...body, ...footer];
  const kept = body.slice(0, room - 1);
  return [...kept, context(omittedNote(body.length - kept.length)), ...footer];
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A unicode sparkline: on-call sees the week's shape without opening a chart. */
export function sparkline(values: readonly number[]): string {
  if (!values.length) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  return values.map((v) => SPARKS[span === 0 ? 0 : Math.min(7, Math.floor(((v - min) / span) * 7.999))]).join('');
}
