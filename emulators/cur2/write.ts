import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CUR2_COLUMNS, duckdbType } from '../../shared/containers/cur2-columns.js';
import type { Cur2Row } from './lines.js';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Writes rows as Parquet with DuckDB's `COPY … TO … (FORMAT parquet)`, typed
 * as the CUR 2.0 table is (timestamps, doubles, a string map for tags). The
 * rows pass through a newline-delimited JSON file that DuckDB reads with the
 * declared column types, which keeps maps and nulls exact.
 */
export async function writeParquet(rows: readonly Cur2Row[], file: string): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'cw-cur2-'));
  try {
    const json = join(scratch, 'rows.ndjson');
    writeFileSync(json, rows.map((r) => JSON.stringify(r)).join('\n'));
    const columns = CUR2_COLUMNS.map((c) => `${c.name}: '${c.type === 'timestamp' ? 'VARCHAR' : duckdbType(c.type)}'`).join(', ');
    const select = CUR2_COLUMNS.map((c) => (c.type === 'timestamp' ? `CAST(${c.name} AS TIMESTAMP) AS ${c.name}` : c.name)).join(', ');
    mkdirSync(join(file, '..'), { recursive: true });
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(
        `COPY (SELECT ${select} FROM read_json(${sqlString(json)}, format = 'newline_delimited', columns = {${columns}})) ` +
          `TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`,
      );
    } finally {
      conn.closeSync();
      db.closeSync();
    }
    return statSync(file).size;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
