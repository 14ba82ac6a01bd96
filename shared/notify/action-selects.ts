import type { Confirm, PlainTextOption, StaticSelect } from '@slack/types';
import { clip } from '../text/clip.js';

/** Slack's limits for a static_select (text and value lengths are per option). */
export const SELECT_LIMITS = { options: 100, optionText: 75, optionValue: 150, placeholder: 150 } as const;

/** One choice in a menu: what people read, and the ledger key a button would carry. */
export interface Choice {
  readonly text: string;
  readonly value: string;
}

/**
 * Choices as static menus of at most 100 options each, for messages with more
 * alerts than one actions block has buttons for. Each menu's action_id is
 * `<actionId>:<n>` (unique in the block); a pick posts the option's value,
 * which the endpoint treats exactly as a button's value. Where there are
 * several menus, each placeholder names the range of alerts it holds.
 */
export function choiceMenus(actionId: string, title: string, choices: readonly Choice[], confirm?: Confirm): StaticSelect[] {
  const usable = choices.filter((c) => c.value.length <= SELECT_LIMITS.optionValue);
  const menus: StaticSelect[] = [];
  for (let start = 0; start < usable.length; start += SELECT_LIMITS.options) {
    const group = usable.slice(start, start + SELECT_LIMITS.options);
    const range = usable.length > SELECT_LIMITS.options ? ` (${start + 1}–${start + group.length})` : '';
    menus.push({
      type: 'static_select',
      action_id: `${actionId}:${menus.length}`,
      placeholder: { type: 'plain_text', text: clip(`${title}${range}`, SELECT_LIMITS.placeholder), emoji: true },
      options: group.map((c): PlainTextOption => ({
        text: { type: 'plain_text', text: clip(c.text, SELECT_LIMITS.optionText), emoji: true },
        value: c.value,
      })),
      ...(confirm ? { confirm } : {}),
    });
  }
  return menus;
}

/** The values a set of menus offers. */
export const menuValues = (menus: readonly StaticSelect[]): string[] => menus.flatMap((m) => (m.options ?? []).map((o) => o.value ?? ''));
