import type { WebClient } from '@slack/web-api';
import type { StepOutcome } from '../actions/types.js';
import type { BudgetClick } from '../alerts/budget-action-ids.js';
import { errorMessage } from '../aws/errors.js';
import { mayApprove } from '../detect/actions/approvers.js';
import { refusal } from '../detect/actions/lifecycle.js';
import type { ActionRecord } from '../detect/actions/types.js';
import { actionMessage, approversText, type ActionMessageContext } from '../messages/action-message.js';
import type { BlockActionsPayload } from './payload.js';

/** What the endpoint needs to act on a budget action: the record store and the three steps (shared/actions). */
export interface BudgetActionsPort {
  readonly context: ActionMessageContext;
  get(id: string): Promise<ActionRecord | undefined>;
  /** Approves (when still proposed) and applies, once. */
  apply(id: string, by: string): Promise<StepOutcome>;
  reject(id: string, by: string): Promise<StepOutcome>;
  undo(id: string, by: string): Promise<StepOutcome>;
}

/** The handler's own dependencies a budget click uses (a subset of SlackActionsDeps). */
export interface BudgetClickDeps {
  readonly budgetActions?: BudgetActionsPort;
  slack(): Promise<WebClient>;
  readonly log: { info(m: string): void; warn(m: string): void };
  defer?(work: () => Promise<void>): void;
}

/** The answer to the click: Slack shows nothing of it, the status says what happened (the log and tests read it). */
export interface ClickAnswer {
  readonly statusCode: number;
  readonly body: string;
}

const VERB: Record<BudgetClick, string> = { approve: 'approve', reject: 'reject', undo: 'undo' };
const STEP = { approve: 'approve', reject: 'reject', undo: 'undo' } as const;

/**
 * A click on Approve, Reject or Undo, after the signature, payload and replay
 * checks. Only a user of the tier covering the action's estimated effect (or
 * of a higher tier) may click; anyone else, and a click the record's status no
 * longer allows (an applied or rejected action approved again, an action never
 * applied undone), gets an ephemeral answer and nothing changes. The change
 * itself (AWS calls) and the message update run after the answer when the
 * caller can defer work, so Slack hears back within 3 s.
 */
export async function budgetClick(
  kind: BudgetClick,
  record: ActionRecord,
  payload: BlockActionsPayload,
  deps: BudgetClickDeps & { budgetActions: BudgetActionsPort },
): Promise<ClickAnswer> {
  const port = deps.budgetActions;
  const user = payload.user.id;
  const client = deps.slack();
  client.catch(() => undefined);
  const where = { channel: payload.container?.channel_id ?? payload.channel?.id, ts: payload.container?.message_ts };
  const tell = (text: string) => later(deps, () => ephemeral(client, where.channel, user, text, deps));

  if (!mayApprove(user, record.estimatedMonthlyEffect, port.context.approvers)) {
    const text =
      `:no_entry: You may not ${VERB[kind]} budget action ${record.action}: only ` +
      `${approversText(record, port.context.approvers, port.context.currency)} may. Nothing was changed.`;
    deps.log.warn(`slack-actions: ${kind} of ${record.id} refused: ${user} is not in the covering approvers tier`);
    await tell(text);
    return { statusCode: 200, body: 'refused: not an approver of this action' };
  }
  const refused = refusal(STEP[kind], record);
  if (refused) {
    await tell(`:information_source: ${refused}. Nothing was changed.`);
    return { statusCode: 200, body: `refused: ${refused}` };
  }

  const act = async () => {
    let out: StepOutcome;
    try {
      out = await port[kind === 'approve' ? 'apply' : kind](record.id, user);
    } catch (err) {
      deps.log.warn(`slack-actions: ${kind} of ${record.id} failed: ${errorMessage(err)}`);
      return ephemeral(client, where.channel, user, `:warning: The ${VERB[kind]} of ${record.action} failed: ${errorMessage(err)}`, deps);
    }
    if (out.outcome === 'refused')
      return ephemeral(client, where.channel, user, `:information_source: ${out.reason}. Nothing was changed.`, deps);
    deps.log.info(`slack-actions: ${kind} of ${record.id} by ${user}: ${out.record.status}`);
    await update(client, where, out.record, port.context, deps);
  };
  await later(deps, act);
  return { statusCode: 200, body: `${kind} accepted` };
}

/** After the answer when the caller can defer work, else now. */
async function later(deps: BudgetClickDeps, work: () => Promise<void>): Promise<void> {
  if (deps.defer) deps.defer(work);
  else await work();
}

async function ephemeral(client: Promise<WebClient>, channel: string | undefined, user: string, text: string, deps: BudgetClickDeps) {
  if (!channel) return deps.log.warn(`slack-actions: no channel to answer ${user} in: ${text}`);
  try {
    await (await client).chat.postEphemeral({ channel, user, text });
  } catch (err) {
    deps.log.warn(`slack-actions: chat.postEphemeral to ${user} failed: ${errorMessage(err)}`);
  }
}

/** The clicked message, re-rendered from the record: who did what, per resource, and the buttons still open. */
async function update(
  client: Promise<WebClient>,
  where: { channel?: string; ts?: string },
  record: ActionRecord,
  context: ActionMessageContext,
  deps: BudgetClickDeps,
) {
  if (!where.channel || !where.ts) return deps.log.warn(`slack-actions: ${record.id}: the click names no message: not updated`);
  const message = actionMessage(record, context);
  try {
    await (await client).chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
  } catch (err) {
    deps.log.warn(`slack-actions: chat.update of ${where.channel}/${where.ts} failed (the ${record.status} holds): ${errorMessage(err)}`);
  }
}

/** The checks before a budget click acts: the button's value must name a record, and the request must be its first sighting. */
export interface BudgetEntryDeps extends BudgetClickDeps {
  readonly ledger: { firstSighting(signature: string, now: Date): Promise<boolean> };
  now(): Date;
}

/** Longest record id a button may carry (ids are `<action id>-<10 hex>`). */
const MAX_ID = 100;

export async function budgetClickEntry(
  kind: BudgetClick,
  payload: BlockActionsPayload,
  signature: string,
  deps: BudgetEntryDeps,
): Promise<ClickAnswer> {
  const port = deps.budgetActions;
  if (!port) return { statusCode: 400, body: 'budget actions are not configured (budgets.actions)' };
  const id = payload.actions[0]!.value;
  if (!id || id.length > MAX_ID) return { statusCode: 400, body: 'button value missing or too long' };
  const record = await port.get(id);
  if (!record) return { statusCode: 400, body: 'no such budget action in the ledger' };
  // Within the 5-minute window a captured request would still verify: the first one acts, copies get 401.
  if (!(await deps.ledger.firstSighting(signature, deps.now()))) {
    deps.log.warn('slack-actions: refused (401): replayed request');
    return { statusCode: 401, body: 'replayed request' };
  }
  return budgetClick(kind, record, payload, { ...deps, budgetActions: port });
}
