import type { Writable } from 'node:stream';
import type { LambdaFunctionURLEvent } from 'aws-lambda';

/** The HTTP answer the endpoint computes before anything slow runs. */
export interface StreamedAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The part of Lambda's `awslambda` global (Node.js runtimes) a streaming handler needs. */
export interface StreamingRuntime {
  streamifyResponse(handler: (event: LambdaFunctionURLEvent, stream: Writable, context: unknown) => Promise<void>): unknown;
  readonly HttpResponseStream: {
    from(stream: Writable, prelude: { statusCode: number; headers: Record<string, string> }): Writable;
  };
}

/** Work that waits for the answer; `defer` hands it over. */
export type Deferred = () => Promise<void>;

/**
 * A function URL handler in RESPONSE_STREAM mode: the answer (status,
 * headers, body) is written and the stream ended first, so Slack has it at
 * once; the deferred work (feedback to AWS, chat.update) then runs before the
 * handler's promise resolves, as Lambda keeps the invocation going after the
 * stream ends. A buffered function URL could only answer after the work.
 */
export function streamingHandler(
  runtime: StreamingRuntime,
  answer: (event: LambdaFunctionURLEvent, defer: (work: Deferred) => void) => Promise<StreamedAnswer>,
  onError: (err: unknown) => void,
): unknown {
  return runtime.streamifyResponse(async (event, stream) => {
    const deferred: Deferred[] = [];
    const res = await answer(event, (work) => void deferred.push(work));
    const out = runtime.HttpResponseStream.from(stream, { statusCode: res.statusCode, headers: res.headers });
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(res.body, () => resolve());
    });
    for (const work of deferred) await work().catch(onError);
  });
}

/** Lambda's global, present only inside the Node.js runtime. */
export function lambdaRuntime(): StreamingRuntime {
  const runtime = (globalThis as { awslambda?: StreamingRuntime }).awslambda;
  if (!runtime?.streamifyResponse) throw new Error('awslambda.streamifyResponse: expected the Lambda Node.js runtime (response streaming)');
  return runtime;
}
