import type { ActionsBlock, AnyBlock, ContextBlock, KnownBlock } from '@slack/types';
import { ACTION_IDS, actionKindOf, type ActionKind } from '../notify/actions.js';
import { SLACK_LIMITS } from '../notify/blocks.js';

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

type Element = { action_id?: string; value?: string };

/**
 * The alert message after a click: the buttons that are done are gone (the
 * Acknowledge button, or the Mute/Expected button of that alert), and one
 * status line says who did what. The cap of 50 blocks and 10 context
 * elements still holds.
 */
export function updatedMessage(shown: ShownMessage | undefined, note: string, done: { kind: ActionKind; value: string }): MessageUpdate {
  const text = `${shown?.text ?? ''}\n${note}`.trim();
  if (!shown?.blocks) return { text };
  const spent = (e: Element) => {
    const kind = actionKindOf(e.action_id ?? '');
    if (!kind) return false;
    if (done.kind === 'acknowledge') return kind === 'acknowledge';
    return kind === done.kind && e.value === done.value;
  };
  const blocks: AnyBlock[] = [];
  let status: ContextBlock | undefined;
  for (const block of shown.blocks as KnownBlock[]) {
    if (block.type === 'actions') {
      const elements = (block as ActionsBlock).elements.filter((e) => !spent(e as Element));
      if (elements.length) blocks.push({ ...(block as ActionsBlock), elements });
    } else if (block.type === 'context' && block.block_id === STATUS_BLOCK) status = block as ContextBlock;
    else blocks.push(block);
  }
  const notes = [...(status?.elements ?? []), { type: 'mrkdwn' as const, text: note }].slice(-SLACK_LIMITS.contextElements);
  while (blocks.length >= SLACK_LIMITS.blocks) blocks.splice(blocks.length - 2, 1);
  blocks.push({ type: 'context', block_id: STATUS_BLOCK, elements: notes });
  return { text, blocks };
}

export { ACTION_IDS };
