import type { ActionsBlock, AnyBlock, ContextBlock, KnownBlock } from '@slack/types';
import { ACTION_IDS, actionKindOf, type ActionKind } from '../notify/actions.js';
import { SLACK_LIMITS } from '../notify/blocks.js';
import type { RecordedAction } from './message-state.js';

/** The message as the click payload shows it (Slack sends the app's own message back). */
export interface ShownMessage {
  readonly text?: string;
  readonly blocks?: ReadonlyArray<{ type: string }>;
}

export interface MessageUpdate {
  readonly text: string;
  /** Undefined: chat.update leaves the blocks as they are. */
  readonly blocks?: AnyBlock[];
}

const STATUS_BLOCK = 'cost-watch-status';

type Element = { action_id?: string; value?: string; options?: ReadonlyArray<{ value?: string }> };

const isSpent = (e: Element, done: { kind: ActionKind; value: string }) => {
  const kind = actionKindOf(e.action_id ?? '');
  if (!kind) return false;
  if (done.kind === 'acknowledge') return kind === 'acknowledge';
  return kind === done.kind && e.value === done.value;
};

/** A button unless it is spent; a menu without its spent options, gone when none is left. */
function left(e: Element, spent: (e: Element) => boolean): Element[] {
  if (!e.options) return spent(e) ? [] : [e];
  const options = e.options.filter((o) => !spent({ action_id: e.action_id, value: o.value }));
  return options.length ? [{ ...e, options }] : [];
}

/**
 * The alert message after every action recorded on it (the ledger's list, not
 * the click's): the buttons that are done are gone (the Acknowledge button, or
 * the Mute/Expected button of that alert, or its option in a menu), and one status line per action says
 * who did what. Built from the whole list, whichever click builds it, so two
 * clicks at once cannot hide each other. The cap of 50 blocks and 10 context
 * elements still holds. `baseText`: the fallback text before any action.
 */
export function updatedMessage(shown: ShownMessage | undefined, actions: readonly RecordedAction[], baseText?: string): MessageUpdate {
  const text = [baseText ?? shown?.text ?? '', ...actions.map((a) => a.note)].join('\n').trim();
  if (!shown?.blocks) return { text };
  const spent = (e: Element) => actions.some((done) => isSpent(e, done));
  const blocks: AnyBlock[] = [];
  for (const block of shown.blocks as KnownBlock[]) {
    if (block.type === 'actions') {
      const elements = (block as ActionsBlock).elements.flatMap((e) => left(e as Element, spent) as (typeof e)[]);
      if (elements.length) blocks.push({ ...(block as ActionsBlock), elements });
    } else if (!(block.type === 'context' && block.block_id === STATUS_BLOCK)) blocks.push(block);
  }
  const notes: ContextBlock['elements'] = actions
    .map((a) => ({ type: 'mrkdwn' as const, text: a.note }))
    .slice(-SLACK_LIMITS.contextElements);
  while (blocks.length >= SLACK_LIMITS.blocks) blocks.splice(blocks.length - 2, 1);
  blocks.push({ type: 'context', block_id: STATUS_BLOCK, elements: notes });
  return { text, blocks };
}

export { ACTION_IDS };
