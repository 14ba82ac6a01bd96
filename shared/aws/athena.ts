import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type AthenaClient,
  type Row,
} from '@aws-sdk/client-athena';

/**
 * One question to Athena: run a query in a workgroup and read every row.
 * StartQueryExecution, then GetQueryExecution with a growing pause until the
 * query ends (Athena has no "wait"), then GetQueryResults page by page (1,000
 * rows a page; the first page's first row is the header). A failed or
 * cancelled query throws AthenaQueryError with Athena's reason.
 */

export interface AthenaQuery {
  readonly sql: string;
  readonly workgroup: string;
  readonly database: string;
}

export interface AthenaAnswer {
  readonly columns: string[];
  /** Cells as Athena returns them: strings, null for SQL NULL. */
  readonly rows: Array<Array<string | null>>;
  readonly queryExecutionId: string;
  readonly scannedBytes: number | null;
  /** Requests made: StartQueryExecution 1, GetQueryExecution per poll, GetQueryResults per page. */
  readonly requests: { start: number; polls: number; pages: number };
}

export interface PollOptions {
  /** @default 250 ms, doubling to `maxDelayMs` */
  readonly firstDelayMs?: number;
  /** @default 5000 */
  readonly maxDelayMs?: number;
  /** Give up (and say so) after this long. @default 10 minutes, within the report Lambda's timeout */
  readonly timeoutMs?: number;
  /** Tests pass a clock that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export class AthenaQueryError extends Error {
  constructor(
    message: string,
    readonly state: string,
    readonly queryExecutionId: string,
  ) {
    super(message);
    this.name = 'AthenaQueryError';
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const cells = (r: Row) => (r.Data ?? []).map((d) => d.VarCharValue ?? null);

export async function runAthenaQuery(client: AthenaClient, q: AthenaQuery, o: PollOptions = {}): Promise<AthenaAnswer> {
  const sleep = o.sleep ?? wait;
  const started = await client.send(
    new StartQueryExecutionCommand({
      QueryString: q.sql,
      WorkGroup: q.workgroup,
      QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: q.database },
    }),
  );
  const id = started.QueryExecutionId;
  if (!id) throw new Error('Athena StartQueryExecution answered without a QueryExecutionId');
  let delay = o.firstDelayMs ?? 250;
  let waited = 0;
  let polls = 0;
  for (;;) {
    const { QueryExecution: qe } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    polls++;
    const state = qe?.Status?.State ?? 'UNKNOWN';
    if (state === 'SUCCEEDED') {
      const scanned = qe?.Statistics?.DataScannedInBytes;
      const { columns, rows, pages } = await readResults(client, id);
      return { columns, rows, queryExecutionId: id, scannedBytes: scanned ?? null, requests: { start: 1, polls, pages } };
    }
    if (state === 'FAILED' || state === 'CANCELLED')
      throw new AthenaQueryError(qe?.Status?.StateChangeReason ?? `query ${state.toLowerCase()}`, state, id);
    if (waited >= (o.timeoutMs ?? 600_000))
      throw new AthenaQueryError(`query ${id} still ${state} after ${Math.round(waited / 1000)} s`, state, id);
    await sleep(delay);
    waited += delay;
    delay = Math.min(delay * 2, o.maxDelayMs ?? 5000);
  }
}

async function readResults(client: AthenaClient, id: string) {
  let columns: string[] = [];
  const rows: Array<Array<string | null>> = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token, MaxResults: 1000 }));
    const got = page.ResultSet?.Rows ?? [];
    if (pages === 0) {
      columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? '');
      // A SELECT's first row repeats the column names.
      rows.push(...got.slice(1).map(cells));
    } else rows.push(...got.map(cells));
    pages++;
    token = page.NextToken;
  } while (token);
  return { columns, rows, pages };
}
