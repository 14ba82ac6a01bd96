import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { signRequest } from '../../emulators/slack-click.js';
import { streamingHandler, type StreamingRuntime } from '../../lambdas/slack-actions/streaming.js';

const SECRET = 'lambda-test-secret';

/** What Lambda's response stream received, in order: the prelude, body chunks, the end. */
class RecordedStream extends Writable {
  prelude?: { statusCode: number; headers: Record<string, string> };
  body = '';
  constructor(private readonly log: string[]) {
    super();
    this.once('finish', () => log.push('response ended'));
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.body += chunk.toString('utf8');
    done();
  }
}

/** A stand-in for the runtime's `awslambda` global: the handler is called with a Writable, as on Lambda. */
function fakeRuntime(): StreamingRuntime & { invoke(e: LambdaFunctionURLEvent): Promise<RecordedStream>; log: string[] } {
  const log: string[] = [];
  let wrapped: ((e: LambdaFunctionURLEvent, s: Writable, c: unknown) => Promise<void>) | undefined;
  return {
    log,
    streamifyResponse: (h) => ((wrapped = h), h),
    HttpResponseStream: { from: (stream, prelude) => (((stream as RecordedStream).prelude = prelude), stream) },
    async invoke(e) {
      const stream = new RecordedStream(log);
      await wrapped!(e, stream, {});
      log.push('invocation resolved');
      return stream;
    },
  };
}

const event = (method: string, headers: Record<string, string>, body: string, isBase64Encoded = false) =>
  ({ headers, body, isBase64Encoded, requestContext: { http: { method } } }) as unknown as LambdaFunctionURLEvent;

describe('the streaming function URL handler', () => {
  it('ends the response before the deferred work starts, and the work completes before the invocation resolves', async () => {
    const runtime = fakeRuntime();
    streamingHandler(
      runtime,
      async (_e, defer) => {
        defer(async () => {
          runtime.log.push('work started');
          await new Promise((r) => setTimeout(r, 20));
          runtime.log.push('work done');
        });
        return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
      },
      () => undefined,
    );

    const stream = await runtime.invoke(event('POST', {}, ''));

    expect(runtime.log).toEqual(['response ended', 'work started', 'work done', 'invocation resolved']);
    expect(stream.prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'text/plain' } });
    expect(stream.body).toBe('ok');
  });

  it('reports deferred work that fails and still runs the rest', async () => {
    const runtime = fakeRuntime();
    const failures: string[] = [];
    streamingHandler(
      runtime,
      async (_e, defer) => {
        defer(() => Promise.reject(new Error('feedback timed out')));
        defer(async () => void runtime.log.push('update ran'));
        return { statusCode: 200, headers: {}, body: '' };
      },
      (err) => failures.push((err as Error).message),
    );

    await runtime.invoke(event('POST', {}, ''));

    expect(failures).toEqual(['feedback timed out']);
    expect(runtime.log).toEqual(['response ended', 'update ran', 'invocation resolved']);
  });
});

describe('lambdas/slack-actions handler (function URL event, streamed)', () => {
  const runtime = fakeRuntime();
  const status = async (e: LambdaFunctionURLEvent) => (await runtime.invoke(e)).prelude!.statusCode;

  beforeAll(async () => {
    // No AWS call happens on these paths: they end before the ledger.
    process.env.COST_WATCH_CONFIG = JSON.stringify({ ledgerTable: 'cost-watch-ledger', notify: { slack: { channel: '#c' } } });
    process.env.SLACK_SIGNING_SECRET = SECRET;
    process.env.AWS_REGION = 'us-east-1';
    (globalThis as { awslambda?: StreamingRuntime }).awslambda = runtime;
    await import('../../lambdas/slack-actions/handler.js');
  });
  afterAll(() => void delete (globalThis as { awslambda?: StreamingRuntime }).awslambda);

  it('answers 405 to anything but POST', async () => {
    expect(await status(event('GET', {}, ''))).toBe(405);
  });

  it('verifies the signature over the decoded bytes of a base64 body: signed → on to parsing (400 here), tampered → 401', async () => {
    const req = signRequest(SECRET, 'payload=%7Bnot-json');
    const b64 = Buffer.from(req.body).toString('base64');
    expect(await status(event('POST', req.headers, b64, true))).toBe(400);
    expect(await status(event('POST', req.headers, Buffer.from(`${req.body}x`).toString('base64'), true))).toBe(401);
    // Header names arrive lower-case from function URLs, but any case is accepted.
    const upper = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(await status(event('POST', upper, req.body))).toBe(400);
  });
});
