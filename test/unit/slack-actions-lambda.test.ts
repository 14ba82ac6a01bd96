import { beforeAll, describe, expect, it } from 'vitest';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { signRequest } from '../../emulators/slack-click.js';

const SECRET = 'lambda-test-secret';
let handler: (e: LambdaFunctionURLEvent) => Promise<Exclude<LambdaFunctionURLResult, string>>;

const event = (method: string, headers: Record<string, string>, body: string, isBase64Encoded = false) =>
  ({ headers, body, isBase64Encoded, requestContext: { http: { method } } }) as unknown as LambdaFunctionURLEvent;

describe('lambdas/slack-actions handler (function URL event)', () => {
  beforeAll(async () => {
    // No AWS call happens on these paths: they end before the ledger.
    process.env.COST_WATCH_CONFIG = JSON.stringify({ ledgerTable: 'cost-watch-ledger', notify: { slack: { channel: '#c' } } });
    process.env.SLACK_SIGNING_SECRET = SECRET;
    process.env.AWS_REGION = 'us-east-1';
    handler = (await import('../../lambdas/slack-actions/handler.js')).handler as typeof handler;
  });

  it('answers 405 to anything but POST', async () => {
    expect((await handler(event('GET', {}, ''))).statusCode).toBe(405);
  });

  it('verifies the signature over the decoded bytes of a base64 body: signed → on to parsing (400 here), tampered → 401', async () => {
    const req = signRequest(SECRET, 'payload=%7Bnot-json');
    const b64 = Buffer.from(req.body).toString('base64');
    expect((await handler(event('POST', req.headers, b64, true))).statusCode).toBe(400);
    expect((await handler(event('POST', req.headers, Buffer.from(`${req.body}x`).toString('base64'), true))).statusCode).toBe(401);
    // Header names arrive lower-case from function URLs, but any case is accepted.
    const upper = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect((await handler(event('POST', upper, req.body))).statusCode).toBe(400);
  });
});
