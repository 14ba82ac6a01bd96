import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyBlock } from '@slack/types';
import { checkMessage } from './fake-slack-checks.js';
import { listenLocal, readBody, sendJson, type LocalServer } from './http.js';

/*
 * What @slack/web-api v8 does with these answers (WebClient.makeRequest):
 * - any status other than 200 and 429 becomes WebAPIHTTPError and is retried per `retryConfig` (p-retry);
 * - 429 with a numeric Retry-After pauses the client's queue that many seconds, then retries
 *   (or rejects at once with WebAPIRateLimitedError when `rejectRateLimitedCalls` is set);
 * - 200 with `ok: false` is a platform error and is never retried;
 * - with `timeout`, a hung request aborts, becomes WebAPIRequestError and is retried like a 500.
 */

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: AnyBlock[];
  token: string;
  /** Every field as received, JSON-encoded fields (blocks, attachments, metadata) already parsed. */
  raw: Record<string, unknown>;
}

/** A chat.update call answered ok: what the message became. */
export interface SlackUpdate {
  channel: string;
  ts: string;
  text: string;
  /** Undefined when the call left the blocks as they were. */
  blocks: AnyBlock[] | undefined;
  token: string;
}

/** A chat.postEphemeral call answered ok: a message only `user` sees, in `channel`. */
export interface SlackEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: AnyBlock[] | undefined;
}

export interface FakeSlack {
  /** Base URL ending in `/api/`, usable as SLACK_API_URL or WebClient's `slackApiUrl`. */
  readonly url: string;
  readonly port: number;
  /** Messages answered with ok: true, in order. */
  readonly messages: SlackMessage[];
  /** chat.postMessage calls received, failed ones included. */
  readonly attempts: number;
  /** chat.update calls answered with ok: true, in order. */
  readonly updates: SlackUpdate[];
  /** chat.postEphemeral calls answered with ok: true (seen only by `user`), in order. */
  readonly ephemerals: SlackEphemeral[];
  /** The next `times` chat.postMessage calls answer HTTP `status`. */
  failNext(times?: number, status?: number): void;
  /** The next `times` chat.postMessage calls answer 429 with a Retry-After header. */
  rateLimitNext(times: number, retryAfterSeconds: number): void;
  /**
   * The next `times` chat.postMessage calls answer 200 with `ok: false` and this error (e.g. `channel_not_found`);
   * WebClient never retries these.
   */
  errorNext(times: number, error: string): void;
  /**
   * The next `times` chat.postMessage calls go unanswered (until stop): lost on the way by default; with
   * `accepted`, Slack posts the message and answers only after `answerAfterMs` (never when unset).
   */
  hangNext(times?: number, options?: HangOptions): void;
  /** While down, every API call answers 500. */
  down(): void;
  up(): void;
  /** Forgets messages, attempts and queued faults; brings the fake back up. */
  reset(): void;
  stop(): Promise<void>;
}

export interface HangOptions {
  readonly accepted?: boolean;
  readonly answerAfterMs?: number;
}

export interface StartFakeSlackOptions {
  /** @default a free port chosen by the kernel */
  readonly port?: number;
  /** When set, any other token answers `invalid_auth`. @default - any non-empty token is accepted */
  readonly token?: string;
}

type Fault =
  | { kind: 'fail'; status: number }
  | { kind: 'rate'; retryAfter: number }
  | { kind: 'hang'; accepted: boolean; answerAfterMs?: number }
  | { kind: 'error'; error: string };

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

function parseFields(contentType: string, text: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(text));
  for (const key of JSON_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = JSON.parse(value);
  }
  return fields;
}

/** Slack accepts the token as a bearer header or, for older clients, as a `token` field. */
function tokenOf(req: IncomingMessage, fields: Record<string, unknown>): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return bearer ?? (typeof fields.token === 'string' ? fields.token : '');
}

class Fake implements FakeSlack {
  readonly messages: SlackMessage[] = [];
  readonly updates: SlackUpdate[] = [];
  readonly ephemerals: SlackEphemeral[] = [];
  /** `channel|ts` of every message posted: chat.update of anything else is message_not_found. */
  private readonly posted = new Set<string>();
  attempts = 0;
  private faults: Fault[] = [];
  private isDown = false;
  private sequence = 0;

  constructor(
    private readonly listener: LocalServer,
    private readonly requiredToken: string | undefined,
  ) {}

  get port(): number {
    return this.listener.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.listener.port}/api/`;
  }

  failNext(times = 1, status = 500): void {
    for (let i = 0; i < times; i++) this.faults.push({ kind: 'fail', status });
  }

  rateLimitNext(times: number, retryAfterSeconds: number): void {
    for (let i = 0; i < times; i++) this.faults.push({ kind: 'rate', retryAfter: retryAfterSeconds });
  }

  errorNext(times: number, error: string): void {
    for (let i = 0; i < times; i++) this.faults.push({ kind: 'error', error });
  }

  hangNext(times = 1, options: HangOptions = {}): void {
    for (let i = 0; i < times; i++)
      this.faults.push({ kind: 'hang', accepted: options.accepted ?? false, answerAfterMs: options.answerAfterMs });
  }

  down(): void {
    this.isDown = true;
  }

  up(): void {
    this.isDown = false;
  }

  reset(): void {
    this.messages.length = 0;
    this.updates.length = 0;
    this.ephemerals.length = 0;
    this.posted.clear();
    this.attempts = 0;
    this.faults = [];
    this.isDown = false;
  }

  stop(): Promise<void> {
    return this.listener.close();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const method = /^\/api\/([\w.]+)/.exec(req.url ?? '')?.[1];
    if (!method) return sendJson(res, 404, { ok: false, error: 'unknown_method' });
    const posting = method === 'chat.postMessage';
    if (posting) this.attempts += 1;
    if (this.isDown) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    const fields = parseFields(String(req.headers['content-type'] ?? ''), text);
    if (posting) {
      const fault = this.faults.shift();
      if (fault?.kind === 'hang') return fault.accepted ? this.answerLate(fields, req, res, fault.answerAfterMs) : undefined;
      if (fault?.kind === 'fail') return void res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('fault');
      if (fault?.kind === 'error') return sendJson(res, 200, { ok: false, error: fault.error });
      if (fault?.kind === 'rate') {
        return sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      }
    }
    const token = tokenOf(req, fields);
    if (!token) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (this.requiredToken !== undefined && token !== this.requiredToken) {
      return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    }
    if (method === 'auth.test') {
      return sendJson(res, 200, {
        ok: true,
        url: 'https://fake.slack.test/',
        team: 'Fake',
        user: 'cost-watch',
        team_id: 'T0FAKE',
        user_id: 'U0FAKE',
        bot_id: 'B0FAKE',
      });
    }
    if (method === 'chat.update') return this.update(fields, token, res);
    if (method === 'chat.postEphemeral') return sendJson(res, 200, this.ephemeral(fields));
    if (method === 'conversations.history') return sendJson(res, 200, conversationHistory(this.messages, fields));
    if (!posting) return sendJson(res, 200, { ok: false, error: 'unknown_method' });
    return sendJson(res, 200, this.postMessage(fields, token));
  }

  /** Posted at once, answered late (or never): the client gives up on a message that is in the channel. */
  private answerLate(fields: Record<string, unknown>, req: IncomingMessage, res: ServerResponse, afterMs: number | undefined): void {
    const answer = this.postMessage(fields, tokenOf(req, fields));
    if (afterMs === undefined) return;
    const timer = setTimeout(() => res.writableEnded || res.destroyed || sendJson(res, 200, answer), afterMs);
    res.once('close', () => clearTimeout(timer));
  }

  private postMessage(fields: Record<string, unknown>, token: string): Record<string, unknown> {
    const channel = typeof fields.channel === 'string' ? fields.channel : '';
    const text = typeof fields.text === 'string' ? fields.text : '';
    const blocks = Array.isArray(fields.blocks) ? (fields.blocks as AnyBlock[]) : [];
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (!text && blocks.length === 0) return { ok: false, error: 'no_text' };
    const invalid = checkMessage(text, blocks);
    if (invalid) return { ok: false, ...invalid };
    this.sequence += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.sequence).padStart(6, '0')}`;
    this.messages.push({ channel, ts, text, blocks, token, raw: fields });
    this.posted.add(`${channel}|${ts}`);
    return { ok: true, channel, ts, message: { type: 'message', text, ts } };
  }

  /** Like Slack: only a message this fake posted can be updated; blocks left out stay as they were. */
  private update(fields: Record<string, unknown>, token: string, res: ServerResponse): void {
    const channel = typeof fields.channel === 'string' ? fields.channel : '';
    const ts = typeof fields.ts === 'string' ? fields.ts : '';
    if (!channel) return sendJson(res, 200, { ok: false, error: 'channel_not_found' });
    if (!this.posted.has(`${channel}|${ts}`)) return sendJson(res, 200, { ok: false, error: 'message_not_found' });
    const text = typeof fields.text === 'string' ? fields.text : '';
    const blocks = Array.isArray(fields.blocks) ? (fields.blocks as AnyBlock[]) : undefined;
    if (!text && !blocks?.length) return sendJson(res, 200, { ok: false, error: 'no_text' });
    this.updates.push({ channel, ts, text, blocks, token });
    sendJson(res, 200, { ok: true, channel, ts, text });
  }

  /** Like Slack: a channel and a user are required; the message is never part of the channel's history. */
  private ephemeral(fields: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof fields.channel === 'string' ? fields.channel : '';
    const user = typeof fields.user === 'string' ? fields.user : '';
    const text = typeof fields.text === 'string' ? fields.text : '';
    const blocks = Array.isArray(fields.blocks) ? (fields.blocks as AnyBlock[]) : undefined;
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (!user) return { ok: false, error: 'user_not_found' };
    if (!text && !blocks?.length) return { ok: false, error: 'no_text' };
    this.ephemerals.push({ channel, user, text, blocks });
    return { ok: true, message_ts: `${Math.floor(Date.now() / 1000)}.000000` };
  }
}

/**
 * Like Slack: newest first, `oldest`/`latest` bounds exclusive, at most `limit` (default 100) messages;
 * their metadata only with `include_all_metadata`.
 */
function conversationHistory(messages: readonly SlackMessage[], fields: Record<string, unknown>): Record<string, unknown> {
  const channel = typeof fields.channel === 'string' ? fields.channel : '';
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const oldest = Number(fields.oldest ?? 0);
  const latest = fields.latest === undefined ? Infinity : Number(fields.latest);
  const limit = Math.min(Number(fields.limit ?? 100) || 100, 999);
  const withMetadata = fields.include_all_metadata === true || fields.include_all_metadata === 'true';
  const inRange = messages.filter((m) => m.channel === channel && Number(m.ts) > oldest && Number(m.ts) < latest).reverse();
  const shown = inRange.slice(0, limit).map((m) => ({
    type: 'message',
    ts: m.ts,
    text: m.text,
    ...(withMetadata && m.raw.metadata ? { metadata: m.raw.metadata } : {}),
  }));
  return { ok: true, messages: shown, has_more: inRange.length > limit };
}

export async function startFakeSlack(opts: StartFakeSlackOptions = {}): Promise<FakeSlack> {
  // The handler runs only once a request arrives, after `fake` is set.
  const fake: Fake = new Fake(await listenLocal((req, res) => fake.handle(req, res), opts.port), opts.token);
  return fake;
}
