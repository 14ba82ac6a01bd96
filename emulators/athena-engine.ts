import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CUR2_PARTITION } from '../shared/containers/cur2-columns.js';

/**
 * How the Athena double answers a query: it runs the SQL it received on
 * DuckDB over a local export folder registered as `<database>.<table>`, and
 * counts the bytes Athena would scan the way Athena bills a Parquet table
 * partitioned by billing period: the files of the partitions the query's
 * `billing_period IN (…)` names (all of them without that filter).
 */

export interface TableSource {
  readonly database: string;
  readonly table: string;
  /** The export folder (`<root>/<export name>`), holding data/BILLING_PERIOD=…/*.parquet. */
  readonly dir: string;
}

export interface QueryOutcome {
  readonly columns: Array<{ name: string; type: string }>;
  readonly rows: Array<Array<string | null>>;
  readonly scannedBytes: number;
}

export class QueryFailure extends Error {}

const parquetIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e): string[] =>
    e.isDirectory() ? parquetIn(join(dir, e.name)) : e.name.endsWith('.parquet') ? [join(dir, e.name)] : [],
  );

/** The partitions a query reads: Athena prunes on `billing_period IN ('…', …)`. */
export function partitionsRead(sql: string): string[] | null {
  const m = new RegExp(`${CUR2_PARTITION.name}\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(sql);
  return m ? [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!) : null;
}

export function scannedBytes(dir: string, sql: string): number {
  const months = partitionsRead(sql);
  const files = parquetIn(join(dir, 'data')).filter((f) => !months || months.some((m) => f.includes(`/${CUR2_PARTITION.folderKey}=${m}/`)));
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function runOnDuckdb(source: TableSource, sql: string): Promise<QueryOutcome> {
  const files = parquetIn(join(source.dir, 'data'));
  if (!files.length) throw new QueryFailure(`HIVE_CANNOT_OPEN_SPLIT: no data under ${source.dir}`);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
    await conn.run(
      `CREATE VIEW "${source.table}" AS SELECT * FROM read_parquet([${list}], hive_partitioning = true, ` +
        `hive_types = {'${CUR2_PARTITION.folderKey}': VARCHAR}, union_by_name = true)`,
    );
    const reader = await conn.runAndReadAll(sql);
    const types = reader.columnTypes().map((t) => String(t).toLowerCase());
    return {
      columns: reader.columnNames().map((name, i) => ({ name, type: types[i] ?? 'varchar' })),
      rows: reader.getRowsJson().map((r) => r.map(text)),
      scannedBytes: scannedBytes(source.dir, sql),
    };
  } catch (err) {
    if (err instanceof QueryFailure) throw err;
    throw new QueryFailure(`SYNTAX_ERROR: ${(err as Error).message}`);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
