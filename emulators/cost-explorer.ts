import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Anomaly } from '@aws-sdk/client-cost-explorer';
import { listenLocal, readBody, sendJson, type LocalServer } from './http.js';
import { CostExplorerFault, type CostRecord, type Dataset, type DatasetOptions } from './cost-explorer-model.js';
import { getCostAndUsage } from './cost-explorer-query.js';
import { getAnomalies } from './cost-explorer-anomalies.js';
import { getDimensionValues } from './cost-explorer-dimensions.js';
import { awsError, DEFAULT_MESSAGES } from './cost-explorer-faults.js';
import {
  reservationCoverage,
  reservationUtilization,
  rightsizingRecommendations,
  savingsPlansCoverage,
  savingsPlansUtilization,
} from './cost-explorer-review.js';
import { savingsPlansPurchase } from './cost-explorer-purchase.js';
import { reservationPurchase } from './cost-explorer-reservations.js';
import { COH_TARGET_PREFIX, listRecommendations } from './cost-optimization-hub.js';
import { provideAnomalyFeedback, type AnomalyFeedback } from './cost-explorer-feedback.js';

export type { CostRecord, DatasetOptions, ReservationRecord, RightsizingRecord, SavingsPlanRecord } from './cost-explorer-model.js';
export { RIGHTSIZING_OPT_IN_MESSAGE } from './cost-explorer-review.js';
export { NOT_SET_UP_MESSAGE } from './cost-explorer-anomalies.js';

/** Which requests a fault applies to; unset fields match anything. */
export interface FaultMatch {
  /** e.g. `GetAnomalies`. */
  readonly operation?: string;
  /** A GroupBy key the request must use, e.g. `USAGE_TYPE`: singles out one of several GetCostAndUsage requests. */
  readonly groupBy?: string;
}

/** The operations the double answers; the wire JSON is each operation's SDK input shape. */
const OPERATIONS: Record<string, (dataset: Dataset, body: never, pageSize: number) => unknown> = {
  GetCostAndUsage: getCostAndUsage,
  GetDimensionValues: getDimensionValues,
  GetSavingsPlansUtilization: savingsPlansUtilization,
  GetSavingsPlansCoverage: savingsPlansCoverage,
  GetReservationUtilization: reservationUtilization,
  GetReservationCoverage: reservationCoverage,
  GetRightsizingRecommendation: rightsizingRecommendations,
  GetSavingsPlansPurchaseRecommendation: savingsPlansPurchase,
  GetReservationPurchaseRecommendation: reservationPurchase,
  // Cost Optimization Hub, served by the same server under its own target prefix.
  ListRecommendations: listRecommendations,
  GetAnomalies: (dataset, body, pageSize) =>
    getAnomalies(dataset.anomalies === undefined ? [] : dataset.anomalies, body, Math.min(pageSize, dataset.anomalyPageSize ?? 100)),
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
   * With `operation`, only requests for that operation (e.g. `GetRightsizingRecommendation`) fail;
   * with `{ groupBy }`, only GetCostAndUsage requests grouped by that key (e.g. `USAGE_TYPE`).
   */
  failNext(errorType: string, times?: number, message?: string, match?: string | FaultMatch): void;
  /** Maximum groups per page before NextPageToken is used. */
  pageSize: number;
  /** Replaces what GetAnomalies knows (the dataset's `anomalies`); null: Cost Anomaly Detection not set up. */
  setAnomalies(anomalies: Anomaly[] | null, pageSize?: number): void;
  /** ProvideAnomalyFeedback calls accepted, in order. */
  readonly anomalyFeedback: AnomalyFeedback[];
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

class Double implements CostExplorerDouble {
  readonly requests: RecordedRequest[] = [];
  readonly anomalyFeedback: AnomalyFeedback[] = [];
  pageSize: number;
  private dataset: Dataset = { records: [] };
  private failures: Array<{ type: string; message: string } & FaultMatch> = [];

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

  setAnomalies(anomalies: Anomaly[] | null, pageSize?: number): void {
    this.dataset = { ...this.dataset, anomalies: anomalies && [...anomalies], ...(pageSize ? { anomalyPageSize: pageSize } : {}) };
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  failNext(errorType: string, times = 1, message?: string, match: string | FaultMatch = {}): void {
    const m = typeof match === 'string' ? { operation: match } : match;
    const text =
      message ?? DEFAULT_MESSAGES[errorType]?.replace('ce:GetCostAndUsage', `ce:${m.operation ?? 'GetCostAndUsage'}`) ?? errorType;
    for (let i = 0; i < times; i++) this.failures.push({ type: errorType, message: text, ...m });
  }

  private takeFailure(operation: string, body: Record<string, unknown>) {
    const groupKeys = ((body.GroupBy ?? []) as Array<{ Key?: string }>).map((g) => g.Key);
    const at = this.failures.findIndex((f) => (!f.operation || f.operation === operation) && (!f.groupBy || groupKeys.includes(f.groupBy)));
    return at < 0 ? undefined : this.failures.splice(at, 1)[0];
  }

  stop(): Promise<void> {
    return this.listener.close();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (req.url?.startsWith('/__control/')) return this.control(req.method ?? 'GET', req.url, text, res);
    const target = String(req.headers['x-amz-target'] ?? '');
    const prefix = [TARGET_PREFIX, COH_TARGET_PREFIX].find((p) => target.startsWith(p));
    const operation = prefix ? target.slice(prefix.length) : target;
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return awsError(res, new CostExplorerFault('SerializationException', 'Request body is not JSON'));
    }
    this.requests.push({ operation, body });
    const failure = this.takeFailure(operation, body);
    if (failure) return awsError(res, new CostExplorerFault(failure.type, failure.message));
    try {
      if (operation === 'ProvideAnomalyFeedback')
        return sendJson(res, 200, provideAnomalyFeedback(body, this.anomalyFeedback), {
          'content-type': JSON_11,
          'x-amzn-requestid': randomUUID(),
        });
      const answerOf = OPERATIONS[operation];
      if (!answerOf)
        throw new CostExplorerFault('UnknownOperationException', `The double does not implement ${target || '(no X-Amz-Target)'}`);
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
    if (method === 'GET' && path === '/__control/anomaly-feedback') return sendJson(res, 200, this.anomalyFeedback);
    if (method === 'POST' && path === '/__control/dataset') {
      this.setDataset(input.records as CostRecord[], input as DatasetOptions);
    } else if (method === 'POST' && path === '/__control/fail') {
      this.failNext(String(input.errorType), Number(input.times ?? 1), input.message as string | undefined, {
        operation: input.operation as string | undefined,
        groupBy: input.groupBy as string | undefined,
      });
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

export async function startCostExplorerDouble(opts: StartCostExplorerOptions = {}): Promise<CostExplorerDouble> {
  // The handler runs only once a request arrives, after `double` is set.
  const double: Double = new Double(await listenLocal((req, res) => double.handle(req, res), opts.port), opts.pageSize ?? 5000);
  return double;
}

/**
 * `tsx emulators/cost-explorer.ts [--port N] [--page-size N] [--dataset file.json]`;
 * the file is `{ records, estimatedFrom?, currency? }`.
 */
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
