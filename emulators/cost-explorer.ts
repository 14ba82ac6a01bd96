import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { listenLocal, readBody, sendJson, type LocalServer } from './http.js';
import { CostExplorerFault, type CostRecord, type Dataset, type DatasetOptions } from './cost-explorer-model.js';
import { getCostAndUsage } from './cost-explorer-query.js';
import { reservationCoverage, reservationUtilization, rightsizingRecommendations, savingsPlansCoverage, savingsPlansUtilization } from './cost-explorer-review.js';

export type { CostRecord, DatasetOptions, ReservationRecord, RightsizingRecord, SavingsPlanRecord } from './cost-explorer-model.js';
export { RIGHTSIZING_OPT_IN_MESSAGE } from './cost-explorer-review.js';

/** The operations the double answers; the wire JSON is each operation's SDK input shape. */
const OPERATIONS: Record<string, (dataset: Dataset, body: never, pageSize: number) => unknown> = {
  GetCostAndUsage: getCostAndUsage,
  GetSavingsPlansUtilization: savingsPlansUtilization,
  GetSavingsPlansCoverage: savingsPlansCoverage,
  GetReservationUtilization: reservationUtilization,
  GetReservationCoverage: reservationCoverage,
  GetRightsizingRecommendation: rightsizingRecommendations,
};

export interface RecordedRequest {
  /** The operation from X-Amz-Target, e.g. `GetCostAndUsage`. */
  operation: string;
  body: Record<string, unknown>;
}

export interface CostExplorerDouble {
  readonly url: string;
  readonly port: number;
  setDataset(records: CostRecord[], opts?: DatasetOptions): void;
  /** Every request received, failed ones included; cleared in place by resetRequests(). */
  readonly requests: RecordedRequest[];
  resetRequests(): void;
  /**
   * The next `times` requests answer this AWS error; the SDK retries throttling codes, not access errors.
   * With `operation`, only requests for that operation (e.g. `GetRightsizingRecommendation`) fail.
   */
  failNext(errorType: string, times?: number, message?: string, operation?: string): void;
  /** Maximum groups per page before NextPageToken is used. */
  pageSize: number;
  stop(): Promise<void>;
}

export interface StartCostExplorerOptions {
  /** @default a free port chosen by the kernel */
  readonly port?: number;
  /** @default 5000 */
  readonly pageSize?: number;
}

const TARGET_PREFIX = 'AWSInsightsIndexService.';
const JSON_11 = 'application/x-amz-json-1.1';

// Cost Explorer answers its client errors, throttling included, with 400: the SDK classifies
// throttling by error code (ThrottlingException, LimitExceededException), not by status.
const STATUS_BY_TYPE: Record<string, number> = {
  InternalServerError: 500,
  InternalFailure: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
};

const DEFAULT_MESSAGES: Record<string, string> = {
  ThrottlingException: 'Rate exceeded',
  LimitExceededException: 'You have exceeded the rate limit.',
  AccessDeniedException:
    'User: arn:aws:iam::123456789012:user/test is not authorized to perform: ce:GetCostAndUsage',
};

class Double implements CostExplorerDouble {
  readonly requests: RecordedRequest[] = [];
  pageSize: number;
  private dataset: Dataset = { records: [] };
  private failures: Array<{ type: string; message: string; operation?: string }> = [];

  constructor(
    private readonly listener: LocalServer,
    pageSize: number,
  ) {
    this.pageSize = pageSize;
  }

  get port(): number {
    return this.listener.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.listener.port}`;
  }

  setDataset(records: CostRecord[], opts: DatasetOptions = {}): void {
    this.dataset = { ...opts, records: [...records] };
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  failNext(errorType: string, times = 1, message?: string, operation?: string): void {
    const text = message ?? DEFAULT_MESSAGES[errorType]?.replace('ce:GetCostAndUsage', `ce:${operation ?? 'GetCostAndUsage'}`) ?? errorType;
    for (let i = 0; i < times; i++) this.failures.push({ type: errorType, message: text, operation });
  }

  stop(): Promise<void> {
    return this.listener.close();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (req.url?.startsWith('/__control/')) return this.control(req.method ?? 'GET', req.url, text, res);
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return awsError(res, new CostExplorerFault('SerializationException', 'Request body is not JSON'));
    }
    this.requests.push({ operation, body });
    const at = this.failures.findIndex((f) => f.operation === undefined || f.operation === operation);
    if (at >= 0) {
      const [failure] = this.failures.splice(at, 1);
      return awsError(res, new CostExplorerFault(failure!.type, failure!.message));
    }
    try {
      const answerOf = OPERATIONS[operation];
      if (!answerOf) throw new CostExplorerFault('UnknownOperationException', `The double does not implement ${target || '(no X-Amz-Target)'}`);
      // The wire JSON is the SDK's own input shape; each operation validates what it relies on.
      const answer = answerOf(this.dataset, body as never, this.pageSize);
      sendJson(res, 200, answer, { 'content-type': JSON_11, 'x-amzn-requestid': randomUUID() });
    } catch (error) {
      if (!(error instanceof CostExplorerFault)) throw error;
      awsError(res, error);
    }
  }

  /** Lets another process (the demo, a benchmark) drive the double over HTTP. */
  private control(method: string, path: string, text: string, res: ServerResponse): void {
    const input = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/__control/requests') return sendJson(res, 200, this.requests);
    if (method === 'POST' && path === '/__control/dataset') {
      this.setDataset(input.records as CostRecord[], input as DatasetOptions);
    } else if (method === 'POST' && path === '/__control/fail') {
      this.failNext(String(input.errorType), Number(input.times ?? 1), input.message as string | undefined, input.operation as string | undefined);
    } else if (method === 'POST' && path === '/__control/reset-requests') {
      this.resetRequests();
    } else if (method === 'POST' && path === '/__control/page-size') {
      this.pageSize = Number(input.pageSize);
    } else {
      return sendJson(res, 404, { error: `no control endpoint ${method} ${path}` });
    }
    sendJson(res, 200, { ok: true });
  }
}

function awsError(res: ServerResponse, fault: CostExplorerFault): void {
  sendJson(res, STATUS_BY_TYPE[fault.type] ?? 400, { __type: fault.type, message: fault.message }, {
    'content-type': JSON_11,
    'x-amzn-requestid': randomUUID(),
  });
}

export async function startCostExplorerDouble(opts: StartCostExplorerOptions = {}): Promise<CostExplorerDouble> {
  let double: Double | undefined;
  const listener = await listenLocal((req, res) => (double as Double).handle(req, res), opts.port);
  double = new Double(listener, opts.pageSize ?? 5000);
  return double;
}

/** `tsx emulators/cost-explorer.ts [--port N] [--page-size N] [--dataset file.json]`; the file is `{ records, estimatedFrom?, currency? }`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<CostExplorerDouble> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'page-size': { type: 'string' }, dataset: { type: 'string' } },
  });
  const double = await startCostExplorerDouble({
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
  });
  if (values.dataset) {
    const file = JSON.parse(await readFile(values.dataset, 'utf8')) as { records: CostRecord[] } & DatasetOptions;
    double.setDataset(file.records, file);
  }
  process.stdout.write(`cost explorer double listening on ${double.url}\n`);
  const shutdown = () => void double.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return double;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
