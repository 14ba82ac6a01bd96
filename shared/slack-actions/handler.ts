import type { WebClient } from '@slack/web-api';
import { errorMessage } from '../aws/errors.js';
import type { Logger } from '../log.js';
import { MUTE_DAYS, muteUntil } from '../alerts/keys.js';
import type { MuteStore } from '../ledger/mutes.js';
import { actionKindOf, BUTTON_LIMITS, type ActionKind } from '../notify/actions.js';
import { escapeMrkdwn } from '../notify/escape.js';
import type { AlertSubject } from '../alerts/alert.js';
import type { ActionLedger, AlertRecord } from './alert-record.js';
import type { MessageStates, RecordedAction } from './message-state.js';
import { updatedMessage } from './message-update.js';
import { actionValue, clickedBy, parsePayload, type BlockActionsPayload } from './payload.js';
import { verifySlackSignature } from './signature.js';
import { budgetClickOf } from '../alerts/budget-action-ids.js';
import { budgetClickEntry, type BudgetActionsPort } from './budget-clicks.js';

export interface HttpRequest {
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string | undefined;
  /** Lambda function URLs may hand over the body base64-encoded. */
  readonly isBase64Encoded?: boolean;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface SlackActionsDeps {
  /** The Slack app's signing secret (cached per container by the caller). */
  signingSecret(): Promise<string>;
  readonly ledger: ActionLedger;
  /** What was done on each message: every chat.update shows all of it. */
  readonly messages: MessageStates;
  readonly mutes: MuteStore;
  /** A client for chat.update, bounded so the answer stays within Slack's 3 s. */
  slack(): Promise<WebClient>;
  /** ProvideAnomalyFeedback PLANNED_ACTIVITY. */
  anomalyFeedback(anomalyId: string): Promise<void>;
  readonly log: Logger;
  now(): Date;
  /** Approve, Reject and Undo of budget actions; undefined without budgets.actions. */
  readonly budgetActions?: BudgetActionsPort;
  /**
   * Runs work after the answer has gone to Slack (`slack-actions --port`, or
   * the streaming function URL, which ends the response first). With it the
   * feedback to AWS and every chat.update wait for the answer; without it
   * (tests, callers that need the outcome) they run before it, each bounded.
   */
  defer?(work: () => Promise<void>): void;
}

const reply = (statusCode: number, body = ''): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

function header(req: HttpRequest, name: string): string | undefined {
  const hit = Object.keys(req.headers).find((k) => k.toLowerCase() === name);
  return hit === undefined ? undefined : req.headers[hit];
}

/**
 * Slack's interactivity endpoint. Order matters: the signature and timestamp
 * are checked on the raw bytes before the body is parsed or the ledger is
 * touched (401); then the click must name a delivered alert the ledger knows
 * (400 otherwise); only then does anything change. A click that is not one of
 * cost-watch's buttons (a link button) is acknowledged with 200 and ignored.
 */
export async function handleSlackAction(req: HttpRequest, deps: SlackActionsDeps): Promise<HttpResponse> {
  const rawBody = Buffer.from(req.body ?? '', req.isBase64Encoded ? 'base64' : 'utf8');
  const signature = header(req, 'x-slack-signature');
  let secret: string;
  try {
    secret = await deps.signingSecret();
  } catch (err) {
    deps.log.warn(`slack-actions: no signing secret: ${errorMessage(err)}`);
    return reply(500, 'signing secret unavailable');
  }
  const verdict = verifySlackSignature({ timestamp: header(req, 'x-slack-request-timestamp'), signature, rawBody }, secret, deps.now());
  if (!verdict.ok) {
    deps.log.warn(`slack-actions: refused (401): ${verdict.reason}`);
    return reply(401, 'invalid request signature');
  }

  const parsed = parsePayload(rawBody);
  if (!parsed.ok) return reply(400, `malformed payload: ${parsed.reason}`);
  const payload = parsed.payload;
  const action = payload.actions[0]!;
  const budget = budgetClickOf(action.action_id);
  if (budget) {
    const answer = await budgetClickEntry(budget, payload, signature!, deps);
    return reply(answer.statusCode, answer.body);
  }
  const kind = actionKindOf(action.action_id);
  if (!kind) return reply(200); // a link button (Cost Explorer) or someone else's element: nothing to do
  const value = actionValue(action);
  if (!value || value.length > BUTTON_LIMITS.value) return reply(400, 'button or option value missing or too long');

  const record = await deps.ledger.find(value);
  if (!record) return reply(400, 'no such alert in the ledger');
  const clickedIn = payload.container?.channel_id ?? payload.channel?.id;
  if (record.message && clickedIn && clickedIn !== record.message.channel) return reply(400, 'the alert was not posted in this channel');
  if (kind === 'expected' && !record.anomalyId) return reply(400, 'this alert carries no AWS anomaly');
  // Within the 5-minute window a captured request would still verify: the first one acts, copies get 401.
  if (!(await deps.ledger.firstSighting(signature!, deps.now()))) {
    deps.log.warn('slack-actions: refused (401): replayed request');
    return reply(401, 'replayed request');
  }

  // Fetched while the action runs (the feedback to AWS takes longest): the update then starts at once.
  const client = deps.slack();
  client.catch(() => undefined);
  const work = () => complete(kind, value, record, payload, client, deps);
  if (kind === 'expected' && deps.defer) {
    deps.defer(async () => void (await work()));
    return reply(200);
  }
  return work();
}

/** The message update, after the answer when the caller can defer work. */
async function afterAnswer(update: () => Promise<void>, deps: SlackActionsDeps): Promise<void> {
  if (deps.defer) deps.defer(update);
  else await update();
}

async function complete(
  kind: ActionKind,
  value: string,
  record: AlertRecord,
  payload: BlockActionsPayload,
  client: Promise<WebClient>,
  deps: SlackActionsDeps,
): Promise<HttpResponse> {
  let note: string;
  try {
    note = await act(kind, record, payload, deps);
  } catch (err) {
    deps.log.warn(`slack-actions: ${kind} on ${record.alertId} failed: ${errorMessage(err)}`);
    return reply(502, `${kind} failed; try again`);
  }
  deps.log.info(`slack-actions: ${kind} by ${payload.user.id} on ${record.alertId}`, { subject: record.subject });
  const update = () => updateMessage(record, payload, { kind, value, note }, client, deps);
  // Expected already runs deferred as a whole: its update follows the feedback at once.
  if (kind === 'expected') await update();
  else await afterAnswer(update, deps);
  return reply(200);
}

const describe = (s: AlertSubject) =>
  `${s.job} ${s.scope} *${escapeMrkdwn(s.scope === 'total' ? 'total spend' : s.key)}*${s.account ? ` (account ${s.account})` : ''}`;

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

async function act(kind: ActionKind, record: AlertRecord, payload: BlockActionsPayload, deps: SlackActionsDeps): Promise<string> {
  const who = `<@${payload.user.id}>`;
  const now = deps.now();
  if (kind === 'mute') {
    const until = muteUntil(now, MUTE_DAYS.default);
    await deps.mutes.put({ ...record.subject, until, by: clickedBy(payload) });
    return `:no_bell: ${who} muted ${describe(record.subject)} until ${when(until)}`;
  }
  if (kind === 'expected') {
    await deps.anomalyFeedback(record.anomalyId!);
    await deps.ledger.acknowledge(record.ledgerKey, clickedBy(payload), now);
    return (
      `:white_check_mark: ${who} marked ${describe(record.subject)} as expected (planned activity, reported to AWS Cost Anomaly ` +
      `Detection)`
    );
  }
  await deps.ledger.acknowledge(record.ledgerKey, clickedBy(payload), now);
  return `:eyes: Acknowledged by ${who} at ${when(now.toISOString())}`;
}

/** Rounds of chat.update after a click: enough for two clicks at once, and bounded. */
const UPDATE_ROUNDS = 3;

/**
 * Best effort: what was done holds even when Slack cannot be reached; the
 * failure is logged. The action is recorded on the message in the ledger and
 * the update shows every action recorded there. If another click recorded
 * more while this update was on its way, it is updated again, so that the
 * last update Slack applies shows both.
 */
async function updateMessage(
  record: AlertRecord,
  payload: BlockActionsPayload,
  action: RecordedAction,
  client: Promise<WebClient>,
  deps: SlackActionsDeps,
) {
  const message = record.message;
  if (!message) {
    deps.log.warn(`slack-actions: ${record.alertId} has no recorded message (channel, ts): not updated`);
    return;
  }
  try {
    let state = await deps.messages.record(message, action, payload.message?.text, deps.now());
    for (let round = 0; round < UPDATE_ROUNDS; round++) {
      const update = updatedMessage(payload.message, state.actions, state.baseText);
      await (
        await client
      ).chat.update({ channel: message.channel, ts: message.ts, text: update.text, ...(update.blocks ? { blocks: update.blocks } : {}) });
      const latest = await deps.messages.read(message);
      if (latest.version <= state.version) return;
      state = latest;
    }
  } catch (err) {
    deps.log.warn(`slack-actions: chat.update of ${message.channel}/${message.ts} failed (the ${action.kind} holds): ${errorMessage(err)}`);
  }
}
