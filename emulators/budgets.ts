import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { listenLocal, readBody, sendJson, type LocalServer } from './http.js';
import { BudgetsFault, page, performance, toWire, type BudgetRecord } from './budgets-model.js';

export type { BudgetRecord } from './budgets-model.js';

/**
 * A small AWS Budgets of the project's own (moto 5.2.1 has no
 * DescribeBudgetPerformanceHistory): DescribeBudgets and
 * DescribeBudgetPerformanceHistory answered from one dataset, for every
 * account at once (keyed by the request's AccountId), so the budgets job and
 * the monthly report read the same budgets. Reached through AWS_ENDPOINT_URL_BUDGETS.
 */
export interface BudgetsDouble {
  readonly url: string;
  setBudgets(records: readonly BudgetRecord[]): void;
  /** Every request received, in order: operation (from X-Amz-Target) and body. */
  readonly requests: Array<{ operation: string; body: Record<string, unknown> }>;
  /** The next `times` requests (of `operation`, when given) answer this AWS error. */
  failNext(errorType: string, times?: number, operation?: string): void;
  stop(): Promise<void>;
}

const TARGET_PREFIX = 'AWSBudgetServiceGateway.';
const JSON_11 = 'application/x-amz-json-1.1';

type Handler = (records: readonly BudgetRecord[], body: Record<string, unknown>) => unknown;

const OPERATIONS: Record<string, Handler> = {
  DescribeBudgets: (records, body) => {
    const mine = records.filter((r) => r.account === body.AccountId).map((r) => r.budget);
    const { items, next } = page(mine, body.NextToken, body.MaxResults);
    return { Budgets: toWire(items), ...(next ? { NextToken: next } : {}) };
  },
  DescribeBudgetPerformanceHistory: (records, body) => {
    const record = records.find((r) => r.account === body.AccountId && r.budget.BudgetName === body.BudgetName);
    if (!record)
      throw new BudgetsFault('NotFoundException', `Unable to get budget: ${String(body.BudgetName)} - the budget doesn't exist.`);
    const b = record.budget;
    const { items, next } = page(performance(record, body as never), body.NextToken, body.MaxResults);
    const history = {
      BudgetName: b.BudgetName,
      BudgetType: b.BudgetType,
      TimeUnit: b.TimeUnit,
      CostFilters: b.CostFilters,
      BudgetedAndActualAmountsList: items,
    };
    return { BudgetPerformanceHistory: toWire(history), ...(next ? { NextToken: next } : {}) };
  },
};

class Double implements BudgetsDouble {
  readonly requests: BudgetsDouble['requests'] = [];
  private records: BudgetRecord[] = [];
  private failures: Array<{ type: string; operation?: string }> = [];

  constructor(private readonly listener: LocalServer) {}

  get url(): string {
    return `http://127.0.0.1:${this.listener.port}`;
  }

  setBudgets(records: readonly BudgetRecord[]): void {
    this.records = [...records];
  }

  failNext(errorType: string, times = 1, operation?: string): void {
    for (let i = 0; i < times; i++) this.failures.push({ type: errorType, operation });
  }

  stop(): Promise<void> {
    return this.listener.close();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (req.method === 'POST' && req.url === '/__control/budgets') {
      this.setBudgets((JSON.parse(text) as { budgets: BudgetRecord[] }).budgets);
      return sendJson(res, 200, { ok: true });
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const headers = { 'content-type': JSON_11, 'x-amzn-requestid': randomUUID() };
    try {
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      this.requests.push({ operation, body });
      const failure = this.failures.findIndex((f) => !f.operation || f.operation === operation);
      if (failure >= 0) throw new BudgetsFault(this.failures.splice(failure, 1)[0]!.type, `${operation} failed on request`);
      const answer = OPERATIONS[operation];
      if (!answer)
        throw new BudgetsFault('UnknownOperationException', `The Budgets double does not implement ${target || '(no X-Amz-Target)'}`);
      sendJson(res, 200, answer(this.records, body), headers);
    } catch (error) {
      const fault =
        error instanceof BudgetsFault
          ? error
          : error instanceof SyntaxError
            ? new BudgetsFault('SerializationException', 'Request body is not JSON')
            : undefined;
      if (!fault) throw error;
      sendJson(res, fault.type === 'InternalErrorException' ? 500 : 400, { __type: fault.type, Message: fault.message }, headers);
    }
  }
}

export async function startBudgetsDouble(opts: { port?: number } = {}): Promise<BudgetsDouble> {
  // The handler runs only once a request arrives, after `double` is set.
  const double: Double = new Double(await listenLocal((req, res) => double.handle(req, res), opts.port));
  return double;
}

/** `tsx emulators/budgets.ts [--port N] [--dataset file.json]`; the file is `{ budgets: BudgetRecord[] }`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<BudgetsDouble> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, dataset: { type: 'string' } } });
  const double = await startBudgetsDouble(values.port ? { port: Number(values.port) } : {});
  if (values.dataset) double.setBudgets((JSON.parse(await readFile(values.dataset, 'utf8')) as { budgets: BudgetRecord[] }).budgets);
  process.stdout.write(`budgets double listening on ${double.url}\n`);
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
