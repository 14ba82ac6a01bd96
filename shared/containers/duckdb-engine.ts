import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CUR2_PARTITION, periodFolder } from './cur2-columns.js';
import { ContainersGapError, namespaceRows, type ContainersEngine } from './engine.js';
import { fetchPeriods, type S3Export } from './s3-export.js';
import { namespaceCostSql, type NamespaceQuery } from './sql.js';

/**
 * The local engine: DuckDB in-process over the export's Parquet files, from a
 * local folder or fetched from S3 into a temporary one (the npm package has
 * no httpfs, and none can be downloaded at run time). It runs the same SQL as
 * Athena against a view named like the Glue table. DuckDB is imported only
 * here and only when this engine runs, so no Lambda bundle carries it.
 */

export type DuckdbSource = { readonly kind: 'file'; readonly dir: string } | S3Export;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function parquetFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.parquet')).map((n) => join(dir, n));
}

async function loadDuckdb() {
  try {
    return await import('@duckdb/node-api');
  } catch (err) {
    throw new ContainersGapError(
      `DuckDB is not available here (${(err as Error).message}); the Lambda functions leave it out: use "engine": "athena" when deployed`,
      'duckdb',
      { cause: err },
    );
  }
}

async function query(conn: DuckDBConnection, table: string, files: string[], q: NamespaceQuery) {
  const list = `[${files.map(sqlString).join(', ')}]`;
  await conn.run(
    `CREATE VIEW "${table}" AS SELECT * FROM read_parquet(${list}, hive_partitioning = true, ` +
      `hive_types = {'${CUR2_PARTITION.folderKey}': VARCHAR}, union_by_name = true)`,
  );
  const reader = await conn.runAndReadAll(namespaceCostSql({ ...q, table }));
  return namespaceRows(reader.columnNames(), reader.getRows());
}

export function duckdbEngine(source: DuckdbSource, table: string): ContainersEngine {
  return {
    name: 'duckdb',
    async run(q) {
      const temp = source.kind === 's3' ? await mkdtemp(join(tmpdir(), 'cw-cur2-')) : undefined;
      try {
        const local =
          source.kind === 'file' ? { dir: source.dir, where: source.dir } : await fetchPeriods(source, [q.previousMonth, q.month], temp!);
        const current = await parquetFiles(join(local.dir, periodFolder(q.month)));
        if (!current.length)
          throw new ContainersGapError(
            `no export files for ${q.month}: nothing at ${local.where.replace(/\/?$/, '/')}${periodFolder(q.month)}*.parquet`,
            source.kind === 's3' ? 's3:ListBucket' : 'read',
          );
        const files = [...(await parquetFiles(join(local.dir, periodFolder(q.previousMonth)))), ...current];
        const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size)));
        const { DuckDBInstance } = await loadDuckdb();
        const db = await DuckDBInstance.create(':memory:');
        const conn = await db.connect();
        try {
          const rows = await query(conn, table, files, q).catch((err: unknown) => {
            throw new ContainersGapError(`DuckDB could not read the export at ${local.where}: ${(err as Error).message}`, 'read', {
              cause: err,
            });
          });
          return { rows, source: local.where, scannedBytes: sizes.reduce((a, b) => a + b, 0) };
        } finally {
          conn.closeSync();
          db.closeSync();
        }
      } finally {
        if (temp) await rm(temp, { recursive: true, force: true });
      }
    },
  };
}
