import { request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal, readBody, sendJson } from './http.js';

/**
 * A tiny HTTP proxy in front of moto that fails chosen AWS calls, so tests can
 * make "DynamoDB UpdateItem fails" or "EC2 answers AuthFailure in eu-west-3"
 * happen through the real SDK. Point one service at it with its endpoint
 * variable (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_EC2); every request that
 * no fault matches goes through to moto unchanged.
 */

export interface FaultMatch {
  /** The operation: the JSON protocols' X-Amz-Target suffix (`UpdateItem`) or the query protocols' `Action` (`DescribeInstances`). */
  readonly operation: string;
  /** Only requests whose SigV4 credential scope names this region. @default any region */
  readonly region?: string;
}

export interface FaultAnswer {
  /** @default 500 */
  readonly status?: number;
  /** The AWS error code, e.g. `InternalServerError`, `ProvisionedThroughputExceededException`, `AuthFailure`. @default InternalFailure */
  readonly code?: string;
  /** @default "injected fault" */
  readonly message?: string;
  /** How many matching requests to fail; Infinity for every one. @default Infinity */
  readonly times?: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Requests that matched a fault and were failed, by operation. */
  readonly failed: Record<string, number>;
  /** Requests passed through, by operation. */
  readonly passed: Record<string, number>;
  fail(match: FaultMatch, answer?: FaultAnswer): void;
  /** Drops every fault and resets the counters. */
  clear(): void;
  stop(): Promise<void>;
}

interface Fault {
  readonly match: FaultMatch;
  readonly answer: Required<Omit<FaultAnswer, 'times'>>;
  left: number;
}

function operationOf(req: IncomingMessage, body: string): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.slice(target.lastIndexOf('.') + 1);
  return new URLSearchParams(body).get('Action') ?? new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? '';
}

/** `Credential=AKID/20261120/eu-west-3/ec2/aws4_request` names the region a request was signed for. */
const regionOf = (req: IncomingMessage) => /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1];

function answer(req: IncomingMessage, res: ServerResponse, a: Fault['answer']): void {
  const json = typeof req.headers['x-amz-target'] === 'string' || String(req.headers['content-type'] ?? '').includes('json');
  if (json)
    return sendJson(
      res,
      a.status,
      { __type: a.code, message: a.message },
      { 'x-amzn-errortype': a.code, 'content-type': 'application/x-amz-json-1.0' },
    );
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${a.code}</Code><Message>${a.message}</Message>` +
    `</Error></Errors><RequestID>fault-proxy</RequestID></Response>`;
  res.writeHead(a.status, { 'content-type': 'text/xml' }).end(xml);
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let faults: Fault[] = [];
  const failed: Record<string, number> = {};
  const passed: Record<string, number> = {};
  const listener = await listenLocal(async (req, res) => {
    const body = await readBody(req);
    const operation = operationOf(req, body);
    const region = regionOf(req);
    const fault = faults.find(
      (f) => f.left > 0 && f.match.operation === operation && (f.match.region === undefined || f.match.region === region),
    );
    if (fault) {
      fault.left -= 1;
      failed[operation] = (failed[operation] ?? 0) + 1;
      return answer(req, res, fault.answer);
    }
    passed[operation] = (passed[operation] ?? 0) + 1;
    await new Promise<void>((resolve, reject) => {
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('end', resolve);
          up.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  });
  return {
    url: `http://127.0.0.1:${listener.port}`,
    failed,
    passed,
    fail(match, a = {}) {
      faults.push({
        match,
        answer: { status: a.status ?? 500, code: a.code ?? 'InternalFailure', message: a.message ?? 'injected fault' },
        left: a.times ?? Number.POSITIVE_INFINITY,
      });
    },
    clear() {
      faults = [];
      for (const k of Object.keys(failed)) delete failed[k];
      for (const k of Object.keys(passed)) delete passed[k];
    },
    stop: () => listener.close(),
  };
}
