import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { SLACK_ATTEMPT_TIMEOUT_MS, SLACK_TEXT_MAX_CHARS } from './limits.js';
import type { SlackMessage } from './slack.js';
import { clip } from '../text/clip.js';
import type { TimeBudget } from './time-budget.js';
import type { PostedMessage } from './types.js';

export interface SlackPostOptions {
  /** Slack Web API base URL. @default SLACK_API_URL, else https://slack.com/api/ */
  readonly apiUrl?: string;
  /** One HTTP attempt. @default COST_WATCH_SLACK_TIMEOUT_MS, else 10 s */
  readonly attemptTimeoutMs?: number;
  /** Attempts in all, 429s included. @default 4 */
  readonly attempts?: number;
}

/** A failure retrying cannot fix (Slack said `ok: false`), or the run's Slack time is spent. */
export class SlackDeliveryError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

interface SlackFailure {
  code?: string;
  retryAfter?: number;
  data?: { error?: string; errors?: unknown; response_metadata?: { messages?: unknown } };
  statusCode?: number;
  message?: string;
}

/**
 * Posts one message, retrying 5xx, timeouts and 429s itself so that every
 * wait is bounded by the run's Slack budget: WebClient would sleep out any
 * Retry-After (120 s four times is eight minutes, past the Lambda timeout).
 * A 429 whose Retry-After does not fit in what is left fails at once.
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
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const left = budget.remaining();
    if (left <= 0) break;
    const client = new WebClient(token, {
      slackApiUrl: options.apiUrl ?? env.SLACK_API_URL ?? undefined,
      timeout: Math.max(1, Math.min(attemptTimeout, left)),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
    try {
      const out = await client.chat.postMessage({ channel, text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
      // Where it went (channel id and ts): what a later chat.update needs.
      return out.ts ? { channel: out.channel ?? channel, ts: out.ts } : undefined;
    } catch (err) {
      const e = err as SlackFailure;
      if (e.code === ErrorCode.PlatformError) {
        // invalid_blocks names the offending block: say which, so the fix is findable.
        const detail = [e.data?.errors, e.data?.response_metadata?.messages].flat().filter((x): x is string => typeof x === 'string');
        throw new SlackDeliveryError(`Slack refused the message: ${e.data?.error ?? 'unknown error'}${detail.length ? ` (${clip(detail.join('; '), 300)})` : ''}`);
      }
      let wait = Math.min(500 * 2 ** (attempt - 1), 5_000);
      if (e.code === ErrorCode.RateLimitedError) {
        wait = (e.retryAfter ?? 1) * 1000;
        last = `Slack rate-limited the call (Retry-After ${e.retryAfter ?? '?'} s)`;
      } else last = e.code === ErrorCode.HTTPError ? `Slack answered HTTP ${e.statusCode}` : `Slack did not answer: ${e.message ?? String(err)}`;
      if (attempt === attempts) break;
      if (wait >= budget.remaining())
        throw new SlackDeliveryError(`${last}, longer than the ${seconds(budget.remaining())} left of this run's ${seconds(budget.totalMs)} Slack budget; not retried`);
      await sleep(wait);
    }
  }
  if (budget.remaining() <= 0) throw new SlackDeliveryError(`${last}; this run's ${seconds(budget.totalMs)} Slack budget is spent`);
  throw new SlackDeliveryError(`${last}, after ${attempts} attempts`);
}
