import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpRequest, HttpResponse } from '../shared/slack-actions/handler.js';
import { CostWatchError, ERROR_CODES } from '../shared/errors.js';

export const ACTIONS_PATH = '/slack/actions';

export interface HttpLimits {
  /** A larger body is refused (413) without being read whole. @default 1 MiB */
  readonly maxBodyBytes: number;
  /** A request (headers and body) not arrived by then is dropped. @default 10 s */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 1024 * 1024, requestTimeoutMs: 10_000 };

class TooLarge extends CostWatchError {
  readonly code = ERROR_CODES.requestTooLarge;
}

/** Ends the answer and the connection: what is still on its way is not read. */
function refuse(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(`${text}\n`, () => res.destroy());
}

/** The body, counted as it streams: past `max` bytes it stops reading and rejects. */
function readLimited(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        req.removeAllListeners('data');
        reject(new TooLarge('request body too large'));
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

/**
 * The actions endpoint over plain HTTP, bounded like a function URL: a body
 * over the limit gets 413 (at once when Content-Length says so, else as soon
 * as the count passes it), and a request that has not fully arrived in time
 * is dropped (408) before it reaches the handler, which sees only whole, small bodies.
 */
export function actionsHttpServer(
  handle: (req: HttpRequest) => Promise<HttpResponse>,
  warn: (message: string) => void,
  limits: HttpLimits = DEFAULT_HTTP_LIMITS,
): Server {
  const timeouts = {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.requestTimeoutMs,
    // Node enforces the two only this often (default 30 s): check every second so a slow request goes in time.
    connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs),
  };
  return createServer(timeouts, (req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== ACTIONS_PATH) return refuse(res, 404, `POST ${ACTIONS_PATH} only`);
    if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) return refuse(res, 413, 'request body too large');
    const timer = setTimeout(() => refuse(res, 408, 'request not received in time'), limits.requestTimeoutMs);
    res.once('close', () => clearTimeout(timer));
    readLimited(req, limits.maxBodyBytes)
      .then((body) => {
        clearTimeout(timer);
        if (res.writableEnded || res.destroyed) return;
        return handle({
          headers: req.headers as Record<string, string | undefined>,
          body: body.toString('base64'),
          isBase64Encoded: true,
        }).then((r) => res.writeHead(r.statusCode, r.headers).end(r.body));
      })
      .catch((err: unknown) => {
        clearTimeout(timer);
        if (err instanceof TooLarge) return refuse(res, 413, 'request body too large');
        warn(`slack-actions: ${(err as Error).message}`);
        refuse(res, 500, 'internal error');
      });
  });
}
