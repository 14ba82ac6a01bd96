import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { SLACK_ATTEMPT_TIMEOUT_MS, SLACK_TEXT_MAX_CHARS } from './limits.js';
import { findPosted } from './slack-recover.js';
import type { SlackMessage } from './slack.js';
import { clip } from '../text/clip.js';
import type { TimeBudget } from './time-budget.js';
import type { PostedMessage } from '../alerts/alert.js';
import { CostWatchError, ERROR_CODES } from '../errors.js';

export interface SlackPostOptions {
  /** Slack Web API base URL. @default SLACK_API_URL, else https://slack.com/api/ */
  readonly apiUrl?: string;
  /** One HTTP attempt. @default COST_WATCH_SLACK_TIMEOUT_MS, else 10 s */
  readonly attemptTimeoutMs?: number;
  /** Attempts in all, 429s included. @default 4 */
  readonly attempts?: number;
}

/** A failure retrying cannot fix (Slack said `ok: false`), or the run's Slack time is spent. */
export class SlackDeliveryError extends CostWatchError {
  readonly code = ERROR_CODES.slackDelivery;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

interface SlackFailure {
  code?: string;
  retryAfter?: number;
  data?: { error?: string; errors?: unknown; response_metadata?: { messages?: unknown } };
  statusCode?: number;
  message?: string;
  original?: { code?: string };
}

/** A request that may have reached Slack and been posted, though no answer came (a timeout, a reset). */
const mayHavePosted = (e: SlackFailure) =>
  e.code === ErrorCode.RequestError && !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.original?.code ?? '');

/** No answer beyond this for the last look in the history, even with the budget spent: the Slack worst case stays bounded. */
const LAST_LOOK_MS = 3_000;

/**
 * Posts one message, retrying 5xx, timeouts and 429s itself so that every
 * wait is bounded by the run's Slack budget: WebClient would sleep out any
 * Retry-After (120 s four times is eight minutes, past the Lambda timeout).
 * A 429 whose Retry-After does not fit in what is left fails at once.
 * Slack does not de-duplicate: after an attempt that may have been posted
 * (no answer in time), the channel's history is read for the message's
 * delivery key first, and the message found there is the one delivered. If
 * that look cannot be made, the message is not posted again.
 */
export async function postWithinBudget(
  token: string,
  channel: string,
  message: SlackMessage,
  budget: TimeBudget,
  options: SlackPostOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<PostedMessage | undefined> {
  const attemptTimeout = options.attemptTimeoutMs ?? (Number(env.COST_WATCH_SLACK_TIMEOUT_MS) || SLACK_ATTEMPT_TIMEOUT_MS);
  const attempts = options.attempts ?? 4;
  // A safety net: every job bounds its own text and says what it left out.
  const text = clip(message.text, SLACK_TEXT_MAX_CHARS);
  let last = 'no attempt made';
  const started = Date.now();
  const clientFor = (timeoutMs: number) =>
    new WebClient(token, {
      slackApiUrl: options.apiUrl ?? env.SLACK_API_URL ?? undefined,
      timeout: Math.max(1, Math.min(attemptTimeout, timeoutMs)),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  const lookUp = async (timeoutMs: number): Promise<PostedMessage | undefined> => {
    const why = `${last}, and Slack may have posted it`;
    if (!message.metadata) throw new SlackDeliveryError(`${why}: not posted again, so that it is never posted twice`);
    try {
      return await findPosted(clientFor(timeoutMs), channel, message.metadata, started);
    } catch (err) {
      const reason = clip((err as SlackFailure).data?.error ?? (err as Error).message ?? String(err), 200);
      throw new SlackDeliveryError(
        `${why}; looking for it in conversations.history failed (${reason}): not posted again, so that it is never posted twice`,
      );
    }
  };
  let uncertain = false;
  let stop: string | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const left = budget.remaining();
    if (left <= 0) break;
    if (uncertain) {
      const found = await lookUp(left);
      if (found) return found;
    }
    const client = clientFor(budget.remaining());
    try {
      const out = await client.chat.postMessage({
        channel,
        text,
        blocks: message.blocks,
        ...(message.metadata ? { metadata: message.metadata } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      // Where it went (channel id and ts): what a later chat.update needs.
      return out.ts ? { channel: out.channel ?? channel, ts: out.ts } : undefined;
    } catch (err) {
      const e = err as SlackFailure;
      if (e.code === ErrorCode.PlatformError) {
        // invalid_blocks names the offending block: say which, so the fix is findable.
        const detail = [e.data?.errors, e.data?.response_metadata?.messages].flat().filter((x): x is string => typeof x === 'string');
        throw new SlackDeliveryError(
          `Slack refused the message: ${e.data?.error ?? 'unknown error'}${detail.length ? ` (${clip(detail.join('; '), 300)})` : ''}`,
        );
      }
      uncertain = mayHavePosted(e);
      let wait = Math.min(500 * 2 ** (attempt - 1), 5_000);
      if (e.code === ErrorCode.RateLimitedError) {
        wait = (e.retryAfter ?? 1) * 1000;
        last = `Slack rate-limited the call (Retry-After ${e.retryAfter ?? '?'} s)`;
      } else
        last = e.code === ErrorCode.HTTPError ? `Slack answered HTTP ${e.statusCode}` : `Slack did not answer: ${e.message ?? String(err)}`;
      if (attempt === attempts) break;
      if (wait >= budget.remaining()) {
        stop =
          `${last}, longer than the ${seconds(budget.remaining())} left of this run's ${seconds(budget.totalMs)} Slack budget; ` +
          `not retried`;
        break;
      }
      await sleep(wait);
    }
  }
  // The last attempt may have been posted too: a message found now is delivered, not failed (and not re-sent by the next run).
  const found = uncertain ? await lookUp(Math.max(budget.remaining(), LAST_LOOK_MS)) : undefined;
  if (found) return found;
  if (stop) throw new SlackDeliveryError(stop);
  if (budget.remaining() <= 0) throw new SlackDeliveryError(`${last}; this run's ${seconds(budget.totalMs)} Slack budget is spent`);
  throw new SlackDeliveryError(`${last}, after ${attempts} attempts`);
}
