import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../emulators/index.js';

const TOKEN = 'xoxb-test-token';
const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*EC2* up 60% to $120.00' } }];

describe('fake slack', () => {
  let slack: FakeSlack;
  const client = (options: WebClientOptions = {}, token = TOKEN) =>
    new WebClient(token, { slackApiUrl: slack.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, ...options });

  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.stop();
  });
  beforeEach(() => {
    slack.reset();
  });

  it('records a posted message with its blocks parsed from the form body', async () => {
    const web = client();

    const answer = await web.chat.postMessage({ channel: '#cost-alerts', text: 'EC2 up 60%', blocks });

    expect(answer).toMatchObject({ ok: true, channel: '#cost-alerts', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(slack.messages).toEqual([
      { channel: '#cost-alerts', ts: answer.ts, text: 'EC2 up 60%', blocks, token: TOKEN, raw: expect.any(Object) },
    ]);
  });

  it('also records a JSON body', async () => {
    const body = JSON.stringify({ channel: 'C1', text: 'hello', blocks });

    const res = await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body,
    });

    expect(await res.json()).toMatchObject({ ok: true, channel: 'C1' });
    expect(slack.messages[0]?.blocks).toEqual(blocks);
  });

  it('answers not_authed without a token, and records nothing', async () => {
    const web = client({}, '');

    const attempt = web.chat.postMessage({ channel: '#cost-alerts', text: 'hi' });

    await expect(attempt).rejects.toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'not_authed' } });
    expect(slack.messages).toEqual([]);
  });

  it('answers auth.test', async () => {
    const web = client();

    const answer = await web.auth.test();

    expect(answer.ok).toBe(true);
  });

  it('fails with 500 once, then WebClient retries and the message is recorded once', async () => {
    slack.failNext(1, 500);
    const web = client({ retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } });

    const answer = await web.chat.postMessage({ channel: '#cost-alerts', text: 'after a 500' });

    expect(answer.ok).toBe(true);
    expect(slack.attempts).toBe(2);
    expect(slack.messages).toHaveLength(1);
  });

  it('makes WebClient wait for Retry-After on 429 before retrying', async () => {
    slack.rateLimitNext(1, 1);
    const web = client({ retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } });
    const started = Date.now();

    const answer = await web.chat.postMessage({ channel: '#cost-alerts', text: 'after a 429' });

    expect(answer.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(slack.attempts).toBe(2);
  });

  it('rejects at once on 429 when WebClient is told to reject rate-limited calls', async () => {
    slack.rateLimitNext(1, 30);
    const web = client({ rejectRateLimitedCalls: true });

    const attempt = web.chat.postMessage({ channel: '#cost-alerts', text: 'limited' });

    await expect(attempt).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
    expect(slack.messages).toEqual([]);
  });

  it('hangs a call until the WebClient timeout fires', async () => {
    slack.hangNext(1);
    const web = client({ timeout: 200 });

    const attempt = web.chat.postMessage({ channel: '#cost-alerts', text: 'into the void' });

    await expect(attempt).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
    expect(slack.attempts).toBe(1);
    expect(slack.messages).toEqual([]);
  });

  it('lets WebClient retry a timed-out call, which then succeeds', async () => {
    slack.hangNext(1);
    const web = client({ timeout: 200, retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 } });

    const answer = await web.chat.postMessage({ channel: '#cost-alerts', text: 'second try' });

    expect(answer.ok).toBe(true);
    expect(slack.attempts).toBe(2);
    expect(slack.messages).toHaveLength(1);
  });

  it('posts a message it answers late, so the client gives up on a message that is in the channel', async () => {
    slack.hangNext(1, { accepted: true, answerAfterMs: 60_000 });
    const web = client({ timeout: 200 });

    const attempt = web.chat.postMessage({ channel: 'C1', text: 'accepted, answered late' });

    await expect(attempt).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
    expect(slack.messages.map((m) => m.text)).toEqual(['accepted, answered late']);
  });

  it('answers a late post once its delay is over', async () => {
    slack.hangNext(1, { accepted: true, answerAfterMs: 50 });

    const answer = await client().chat.postMessage({ channel: 'C1', text: 'late' });

    expect(answer).toMatchObject({ ok: true, ts: slack.messages[0]!.ts });
  });

  it('lists a channel newest first in conversations.history, with metadata only when asked for', async () => {
    const web = client();
    const metadata = { event_type: 'probe', event_payload: { key: 'k1' } };
    await web.chat.postMessage({ channel: 'C1', text: 'first', metadata });
    await web.chat.postMessage({ channel: 'C2', text: 'elsewhere' });
    await web.chat.postMessage({ channel: 'C1', text: 'second' });

    const plain = await web.conversations.history({ channel: 'C1', limit: 10 });
    const full = await web.conversations.history({ channel: 'C1', limit: 1, include_all_metadata: true, latest: slack.messages[2]!.ts });

    expect(plain.messages?.map((m) => m.text)).toEqual(['second', 'first']);
    expect(plain.messages?.some((m) => 'metadata' in m)).toBe(false);
    expect(full.messages).toEqual([{ type: 'message', ts: slack.messages[0]!.ts, text: 'first', metadata }]);
  });

  it('answers 500 to every call while down, and recovers when up', async () => {
    slack.down();
    const web = client();

    const whileDown = web.chat.postMessage({ channel: '#cost-alerts', text: 'down' });
    await expect(whileDown).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });
    slack.up();
    const afterUp = await web.chat.postMessage({ channel: '#cost-alerts', text: 'up' });

    expect(afterUp.ok).toBe(true);
    expect(slack.messages.map((m) => m.text)).toEqual(['up']);
    expect(slack.attempts).toBe(2);
  });
});
