import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal, readBody, sendJson, type LocalServer } from './http.js';
import { QueryFailure, runOnDuckdb, type QueryOutcome, type TableSource } from './athena-engine.js';

export type { TableSource } from './athena-engine.js';

/**
 * A small Amazon Athena of the project's own (moto's Athena only replays
 * canned results): StartQueryExecution, GetQueryExecution and GetQueryResults
 * over JSON 1.1, in named workgroups. A query really runs, on DuckDB over the
 * local export registered for its database and table; it is QUEUED, then
 * RUNNING, then done, one state per poll; results page by `MaxResults` (at
 * most `pageSize`) with a NextToken. Reached through AWS_ENDPOINT_URL_ATHENA.
 */
export interface AthenaDouble {
  readonly url: string;
  /** Registers `<database>.<table>` over a local export folder. */
  setTable(source: TableSource): void;
  /** Workgroups that exist, with their bytes-scanned limit per query (null: none). */
  setWorkgroup(name: string, bytesScannedCutoff?: number | null): void;
  readonly requests: Array<{ operation: string; body: Record<string, unknown> }>;
  /** The next `times` requests (of `operation`, when given) answer this AWS error. */
  failNext(errorType: string, times?: number, operation?: string): void;
  stop(): Promise<void>;
}

interface Execution {
  readonly id: string;
  readonly sql: string;
  readonly workgroup: string;
  readonly database: string;
  polls: number;
  outcome?: QueryOutcome;
  failure?: string;
}

class Fault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

class Double implements AthenaDouble {
  readonly requests: AthenaDouble['requests'] = [];
  private readonly tables = new Map<string, TableSource>();
  private readonly workgroups = new Map<string, number | null>([['primary', null]]);
  private readonly executions = new Map<string, Execution>();
  private failures: Array<{ type: string; operation?: string }> = [];

  constructor(
    private readonly listener: LocalServer,
    private readonly pageSize: number,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.listener.port}`;
  }
  setTable(s: TableSource) {
    this.tables.set(`${s.database}.${s.table}`, s);
  }
  setWorkgroup(name: string, cutoff: number | null = null) {
    this.workgroups.set(name, cutoff);
  }
  failNext(type: string, times = 1, operation?: string) {
    for (let i = 0; i < times; i++) this.failures.push({ type, operation });
  }
  stop() {
    return this.listener.close();
  }

  private start(b: Record<string, unknown>) {
    const workgroup = String(b.WorkGroup ?? 'primary');
    if (!this.workgroups.has(workgroup)) throw new Fault('InvalidRequestException', `WorkGroup ${workgroup} is not found.`);
    const database = String((b.QueryExecutionContext as { Database?: string } | undefined)?.Database ?? 'default');
    const id = randomUUID();
    this.executions.set(id, { id, sql: String(b.QueryString ?? ''), workgroup, database, polls: 0 });
    return { QueryExecutionId: id };
  }

  private async advance(e: Execution) {
    e.polls++;
    if (e.polls < 3 || e.outcome || e.failure) return;
    const table = /FROM\s+"?([a-z0-9_]+)"?/i.exec(e.sql)?.[1] ?? '';
    const source = this.tables.get(`${e.database}.${table}`);
    if (!source) e.failure = `TABLE_NOT_FOUND: line 1:1: Table 'awsdatacatalog.${e.database}.${table}' does not exist`;
    else
      try {
        e.outcome = await runOnDuckdb(source, e.sql);
        const cutoff = this.workgroups.get(e.workgroup);
        if (cutoff && e.outcome.scannedBytes > cutoff) e.failure = 'Query cancelled! : bytes scanned limit was exceeded';
      } catch (err) {
        if (!(err instanceof QueryFailure)) throw err;
        e.failure = err.message;
      }
  }

  private async execution(b: Record<string, unknown>) {
    const e = this.executions.get(String(b.QueryExecutionId));
    if (!e) throw new Fault('InvalidRequestException', `QueryExecution ${String(b.QueryExecutionId)} was not found`);
    await this.advance(e);
    const state = e.failure ? 'FAILED' : e.outcome ? 'SUCCEEDED' : e.polls === 1 ? 'QUEUED' : 'RUNNING';
    return {
      QueryExecution: {
        QueryExecutionId: e.id,
        Query: e.sql,
        WorkGroup: e.workgroup,
        Status: { State: state, ...(e.failure ? { StateChangeReason: e.failure } : {}) },
        Statistics: { DataScannedInBytes: e.outcome?.scannedBytes ?? 0 },
      },
    };
  }

  private results(b: Record<string, unknown>) {
    const e = this.executions.get(String(b.QueryExecutionId));
    if (!e?.outcome) throw new Fault('InvalidRequestException', `Query has not yet finished. Current state: ${e ? 'RUNNING' : 'unknown'}`);
    const size = Math.min(Number(b.MaxResults ?? 1000), this.pageSize);
    const header = [e.outcome.columns.map((c) => c.name)];
    const all = [...header, ...e.outcome.rows];
    const from = b.NextToken ? Number(b.NextToken) : 0;
    const page = all.slice(from, from + size);
    const next = from + size < all.length ? String(from + size) : undefined;
    return {
      ResultSet: {
        Rows: page.map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
        ResultSetMetadata: { ColumnInfo: e.outcome.columns.map((c) => ({ Name: c.name, Label: c.name, Type: c.type })) },
      },
      ...(next ? { NextToken: next } : {}),
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse) {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonAthena\./, '');
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() };
    const text = await readBody(req);
    try {
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      this.requests.push({ operation, body });
      const f = this.failures.findIndex((x) => !x.operation || x.operation === operation);
      if (f >= 0) throw new Fault(this.failures.splice(f, 1)[0]!.type, `User is not authorized to perform: athena:${operation}`);
      if (operation === 'StartQueryExecution') return sendJson(res, 200, this.start(body), headers);
      if (operation === 'GetQueryExecution') return sendJson(res, 200, await this.execution(body), headers);
      if (operation === 'GetQueryResults') return sendJson(res, 200, this.results(body), headers);
      throw new Fault('UnknownOperationException', `The Athena double does not implement ${operation}`);
    } catch (err) {
      if (!(err instanceof Fault)) throw err;
      sendJson(res, 400, { __type: err.type, Message: err.message }, headers);
    }
  }
}

export async function startAthenaDouble(o: { port?: number; pageSize?: number } = {}): Promise<AthenaDouble> {
  const double: Double = new Double(await listenLocal((req, res) => double.handle(req, res), o.port), o.pageSize ?? 1000);
  return double;
}
