import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from '../../shared/slack-actions/signature.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW = new Date('2026-11-24T12:00:00Z');
const ts = (offsetSeconds = 0) => String(Math.floor(NOW.getTime() / 1000) + offsetSeconds);
const body = Buffer.from('payload=%7B%22type%22%3A%22block_actions%22%7D');

function request(overrides: { timestamp?: string; signature?: string; rawBody?: Buffer } = {}) {
  const timestamp = overrides.timestamp ?? ts();
  return {
    timestamp,
    signature: overrides.signature ?? slackSignature(SECRET, timestamp, overrides.rawBody ?? body),
    rawBody: overrides.rawBody ?? body,
  };
}

describe('Slack request signing (v0)', () => {
  it('matches the worked example in Slack’s documentation', () => {
    const raw =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature(SECRET, '1531420618', raw)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('accepts a request signed with the secret, within 5 minutes either way', () => {
    expect(verifySlackSignature(request(), SECRET, NOW)).toEqual({ ok: true });
    expect(verifySlackSignature(request({ timestamp: ts(-299) }), SECRET, NOW).ok).toBe(true);
    expect(verifySlackSignature(request({ timestamp: ts(299) }), SECRET, NOW).ok).toBe(true);
  });

  const tampered = Buffer.from(`${body.toString()}x`);
  it.each([
    ['no signature', () => ({ ...request(), signature: undefined })],
    ['no timestamp', () => ({ ...request(), timestamp: undefined })],
    ['a wrong signature', () => request({ signature: `v0=${'0'.repeat(64)}` })],
    ['a signature of another length', () => request({ signature: 'v0=abc' })],
    ['another secret', () => request({ signature: slackSignature('another-secret', ts(), body) })],
    ['a tampered body', () => ({ ...request(), rawBody: tampered })],
    ['a correctly signed request 6 minutes old (a replayed old request)', () => request({ timestamp: ts(-360) })],
    ['a correctly signed request 6 minutes ahead', () => request({ timestamp: ts(360) })],
    ['a timestamp that is not a number', () => request({ timestamp: 'soon' })],
  ])('refuses %s', (_name, make) => {
    expect(verifySlackSignature(make(), SECRET, NOW).ok).toBe(false);
  });
});
