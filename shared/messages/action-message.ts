import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { BUDGET_ACTION_IDS, type BudgetClick } from '../alerts/budget-action-ids.js';
import type { ApproverTier } from '../config/budget-actions.js';
import { approverTier } from '../detect/actions/approvers.js';
import { toRestore } from '../detect/actions/lifecycle.js';
import type { ActionEvent, ActionRecord, ActionStatus } from '../detect/actions/types.js';
import { countOf, formatMoney, formatPercent } from '../format.js';
import { context, header, section } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain } from '../notify/escape.js';
import type { SlackMessage } from '../notify/slack.js';
import { accountLabel } from '../text/account-label.js';
import { resourceList, resourcePlain } from './action-resources.js';

export interface ActionMessageContext {
  readonly currency: string;
  /** budgets.approvers: who may approve, reject and undo. */
  readonly approvers: readonly ApproverTier[];
  /** budgets.approval: "auto" says the action ran at once. */
  readonly approval: 'slack' | 'auto';
}

/** A Slack user id becomes a mention; anything else (`auto`, `cli:alice`, `period-end`) is shown escaped. */
export const who = (by: string) => (/^[UW][A-Z0-9]{2,40}$/.test(by) ? `<@${by}>` : `*${escapeMrkdwn(by)}*`);
const whoPlain = (by: string) => (/^[UW][A-Z0-9]{2,40}$/.test(by) ? `<@${by}>` : escapePlain(by));
const at = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const last = (r: ActionRecord, status: ActionStatus): ActionEvent | undefined => [...r.history].reverse().find((e) => e.status === status);
/** A person's approval; approval "auto" records one by `auto`, which is no approval to name. */
const approvalOf = (r: ActionRecord): ActionEvent | undefined => {
  const e = last(r, 'approved');
  return e && e.by !== 'auto' ? e : undefined;
};

/** "*dev-down* (scale-down) on budget *Monthly*, Data (111111111111)": everything from config or AWS escaped. */
function subject(r: ActionRecord): string {
  const account = r.account ? `, account ${escapeMrkdwn(accountLabel(r.account))}` : '';
  return `*${escapeMrkdwn(r.action)}* (${r.type}) on budget *${escapeMrkdwn(r.budget)}*${account}`;
}

export function effectText(r: Pick<ActionRecord, 'estimatedMonthlyEffect'>, currency: string): string {
  return r.estimatedMonthlyEffect === null
    ? 'not estimated (only the last approvers tier may approve)'
    : `${formatMoney(r.estimatedMonthlyEffect, currency)} a month less spend`;
}

/** The covering tier's users, then the higher tiers' (who may also approve). */
export function approversText(
  r: Pick<ActionRecord, 'estimatedMonthlyEffect'>,
  approvers: readonly ApproverTier[],
  currency: string,
): string {
  const tier = approverTier(r.estimatedMonthlyEffect, approvers);
  if (!tier) return 'nobody (no budgets.approvers configured)';
  const limit = tier.upTo === undefined ? 'any amount' : `up to ${formatMoney(tier.upTo, currency)}`;
  const higher = [...new Set(approvers.slice(tier.index + 1).flatMap((t) => t.slackUsers))].filter((u) => !tier.slackUsers.includes(u));
  const also = higher.length ? `, or a higher tier: ${higher.map(who).join(', ')}` : '';
  return `${tier.slackUsers.map(who).join(', ')} (tier ${tier.index + 1}, ${limit})${also}`;
}

const button = (kind: BudgetClick, text: string, id: string, extra: Partial<Button> = {}): Button => ({
  type: 'button',
  action_id: BUDGET_ACTION_IDS[kind],
  text: { type: 'plain_text', text, emoji: true },
  value: id,
  ...extra,
});

const confirm = (title: string, text: string, yes: string): Button['confirm'] => ({
  title: { type: 'plain_text', text: title },
  text: { type: 'plain_text', text },
  confirm: { type: 'plain_text', text: yes },
  deny: { type: 'plain_text', text: 'Cancel' },
});

function buttons(r: ActionRecord): KnownBlock[] {
  const elements: Button[] = [];
  if (r.status === 'proposed') {
    const approve = confirm('Apply this budget action?', `It changes ${countOf(planned(r).length, 'resource')} now.`, 'Approve');
    elements.push(button('approve', 'Approve', r.id, { style: 'primary', confirm: approve }), button('reject', 'Reject', r.id));
  }
  if ((r.status === 'applied' || r.status === 'failed') && r.resources.some(toRestore))
    elements.push(
      button('undo', 'Undo', r.id, { confirm: confirm('Undo this budget action?', 'Every changed resource is put back.', 'Undo') }),
    );
  return elements.length ? [{ type: 'actions', block_id: 'cost-watch-budget-action', elements } satisfies ActionsBlock] : [];
}

const planned = (r: ActionRecord) => r.resources.filter((x) => x.state !== 'protected' && x.state !== 'unchanged');

/** Applied (or partly): at once under approval "auto", else after whose approval. */
function applied(r: ActionRecord, ctx: ActionMessageContext, event: ActionEvent | undefined, approvedBy: string | undefined): string {
  const when = event ? ` at ${at(event.at)}` : '';
  if (ctx.approval === 'auto' && approvedBy === undefined)
    return `:zap: Applied at once (approval: auto)${when}${r.status === 'failed' ? ', with failures' : ''}.`;
  return `${r.status === 'failed' ? ':warning: Applied with failures' : ':white_check_mark: Applied'}${approvedBy ?? ''}${when}.`;
}

/** What happened, newest step first: who approved, rejected, applied or undid it, and when. */
function statusLine(r: ActionRecord, ctx: ActionMessageContext): string {
  const event = last(r, r.status);
  const by = event ? `${who(event.by)} at ${at(event.at)}` : '';
  const approved = approvalOf(r);
  switch (r.status) {
    case 'planned':
      return ':memo: Dry run: this is the plan; nothing was changed.';
    case 'proposed':
      return `:hourglass_flowing_sand: Proposed: waiting for approval. Who may approve: ${approversText(r, ctx.approvers, ctx.currency)}.`;
    case 'approved':
      return `:gear: Approved by ${by}: applying…`;
    case 'rejected':
      return `:no_entry_sign: Rejected by ${by}. Nothing was changed.`;
    case 'applied':
    case 'failed':
      if (last(r, 'restored') || r.resources.some((x) => x.state === 'restore-failed'))
        return `:warning: Undo by ${by} could not restore everything: see below; Undo may be tried again.`;
      return applied(r, ctx, event, approved ? ` after approval by ${who(approved.by)}` : undefined);
    case 'restored':
      return `:leftwards_arrow_with_hook: Undone by ${by}: the recorded state is restored.`;
  }
}

/**
 * The budget action's message, rendered from its record alone, so the
 * proposal and every update after a click read alike: the plan resource by
 * resource (protected ones listed apart), the estimated monthly effect, who
 * may approve, and the buttons the status allows.
 */
export function actionMessage(r: ActionRecord, ctx: ActionMessageContext): SlackMessage {
  const trigger = `${r.trigger.on} spend at ${formatPercent(r.trigger.pct)} of the limit (action at ${formatPercent(r.trigger.atPct)})`;
  const changing = planned(r);
  const protectedOnes = r.resources.filter((x) => x.state === 'protected');
  const unchanged = r.resources.filter((x) => x.state === 'unchanged');
  const blocks: KnownBlock[] = [
    header(`Budget action ${r.action}: ${r.status}`),
    section(`${subject(r)}: ${trigger}.\n${statusLine(r, ctx)}`),
    section(`*Estimated monthly effect:* ${effectText(r, ctx.currency)}`),
    section(
      changing.length
        ? resourceList(`*${r.status === 'proposed' || r.status === 'planned' ? 'Will change' : 'Changes'}:*`, changing, ctx.currency)
        : '*Will change:* nothing (no matching resource).',
    ),
  ];
  if (protectedOnes.length) blocks.push(section(resourceList('*Protected, never touched:*', protectedOnes, ctx.currency)));
  if (unchanged.length) blocks.push(section(resourceList('*Already as wanted, left alone:*', unchanged, ctx.currency)));
  blocks.push(context(`Record \`${escapeMrkdwn(r.id)}\` · \`npx cost-watch actions undo ${escapeMrkdwn(r.id)}\` restores it`));
  blocks.push(...buttons(r));
  return { text: fallback(r, ctx, changing.length, protectedOnes.length), blocks };
}

function fallback(r: ActionRecord, ctx: ActionMessageContext, changing: number, protectedCount: number): string {
  const account = r.account ? ` (account ${escapePlain(r.account)})` : '';
  const failed = r.resources.filter((x) => x.state === 'failed' || x.state === 'restore-failed');
  const event = last(r, r.status);
  const by = event && r.status !== 'proposed' ? ` by ${whoPlain(event.by)}` : '';
  const approve = r.status === 'proposed' ? ` Approvers: ${approversText(r, ctx.approvers, ctx.currency).replace(/\*/g, '')}.` : '';
  const auto = ctx.approval === 'auto' && r.status === 'applied' && !approvalOf(r) ? ' Applied at once (approval: auto).' : '';
  const pending = r.status === 'proposed' || r.status === 'planned';
  return (
    `Budget action ${escapePlain(r.action)} (${r.type}) on budget ${escapePlain(r.budget)}${account}: ${r.status}${by}; ` +
    `${countOf(changing, 'resource')} ${pending ? 'to change' : 'in the plan'}, ${protectedCount} protected; ` +
    `estimated effect: ${effectText(r, ctx.currency)}.` +
    `${approve}${auto}${failed.length ? ` Failed: ${failed.map(resourcePlain).join('; ')}.` : ''}`
  );
}
