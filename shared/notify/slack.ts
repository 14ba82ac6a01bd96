import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { KnownBlock } from '@slack/types';
import { LogLevel, WebClient } from '@slack/web-api';
import { explainAwsError } from '../aws/errors.js';
import type { DeliveryMetadata } from './slack-recover.js';
import { CostWatchError, ERROR_CODES } from '../errors.js';

export interface SlackMessage {
  /** Fallback shown in notifications; alone it carries the facts. */
  readonly text: string;
  readonly blocks: KnownBlock[];
  /** The delivery key (slack-recover.ts): lets a run find its own post when Slack answered too late. */
  readonly metadata?: DeliveryMetadata;
}

export interface SlackClientOptions {
  /** Slack Web API base URL. @default SLACK_API_URL, else https://slack.com/api/ */
  readonly apiUrl?: string;
  /** Per-attempt HTTP timeout. @default 10 s (COST_WATCH_SLACK_TIMEOUT_MS) */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, 429s included. @default 3 */
  readonly retries?: number;
}

/**
 * WebClient's default retry policy keeps trying for about 30 minutes, longer
 * than a Lambda lives; this bounds it to a few attempts within a minute while
 * still waiting out a 429's Retry-After (the client pauses for it itself).
 */
export function createSlackClient(token: string, options: SlackClientOptions = {}, env: NodeJS.ProcessEnv = process.env): WebClient {
  const timeout = options.timeoutMs ?? (Number(env.COST_WATCH_SLACK_TIMEOUT_MS) || 10_000);
  return new WebClient(token, {
    slackApiUrl: options.apiUrl ?? env.SLACK_API_URL ?? undefined,
    timeout,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
    logLevel: LogLevel.ERROR,
  });
}

/** Posting a job's message goes through `postWithinBudget` (slack-post.ts), bounded by the run's Slack budget. */
export { postWithinBudget } from './slack-post.js';

const tokenCache = new Map<string, Promise<string>>();

/**
 * The bot token: SLACK_BOT_TOKEN when set (local runs), else the secret,
 * fetched once per container: a warm Lambda does not pay for it again.
 */
export function resolveSlackToken(
  secrets: () => SecretsManagerClient,
  secretId: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs?: number,
): Promise<string> {
  if (env.SLACK_BOT_TOKEN) return Promise.resolve(env.SLACK_BOT_TOKEN);
  let cached = tokenCache.get(secretId);
  if (!cached) {
    cached = fetchSecretString(secrets(), secretId, ['token', 'botToken', 'SLACK_BOT_TOKEN'], timeoutMs);
    tokenCache.set(secretId, cached);
    cached.catch(() => tokenCache.delete(secretId));
  }
  return cached;
}

/**
 * A secret's string: plain, or the first of `jsonKeys` in a JSON secret such as {"token": "xoxb-..."}.
 * With `timeoutMs`, a fetch not answered by then is abandoned (and not cached).
 */
export async function fetchSecretString(
  secrets: SecretsManagerClient,
  secretId: string,
  jsonKeys: readonly string[],
  timeoutMs?: number,
): Promise<string> {
  const options = timeoutMs === undefined ? {} : { abortSignal: AbortSignal.timeout(timeoutMs) };
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }), options).catch((err: unknown) => {
    if ((err as Error).name === 'AbortError')
      throw new Error(`Secrets Manager GetSecretValue for ${secretId} did not answer within ${timeoutMs} ms`);
    throw explainAwsError(err, `Secrets Manager GetSecretValue for ${secretId}`, 'secretsmanager:GetSecretValue');
  });
  const raw = out.SecretString?.trim() ?? '';
  if (raw.startsWith('{')) {
    let parsed: Record<string, unknown>;
    try {
      parsed = (JSON.parse(raw) ?? {}) as Record<string, unknown>;
    } catch {
      // JSON.parse quotes the text around the fault: the token. Say nothing of the content.
      throw new SecretFormatError(`secret ${secretId} is not valid JSON`);
    }
    const value = jsonKeys.map((k) => parsed[k]).find((v) => typeof v === 'string' && v);
    if (typeof value === 'string') return value;
    throw new SecretFormatError(`secret ${secretId} is JSON but has no "${jsonKeys[0]}" key`);
  }
  if (!raw) throw new SecretFormatError(`secret ${secretId} is empty`);
  return raw;
}

/** The secret exists but cannot hold a token; its message never quotes the secret. */
export class SecretFormatError extends CostWatchError {
  readonly code = ERROR_CODES.secretFormat;
}
