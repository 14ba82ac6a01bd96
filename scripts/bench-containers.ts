/**
 * `npm run bench:containers`: the Kubernetes cost figures, printed, never asserted.
 * - The local CUR 2.0 dataset (emulators/cur2): rows and Parquet bytes per month, daily (tests, demo) and hourly.
 * - DuckDB: time of the report's query (one month and the month before) over the hourly export, median of 5.
 * - Athena: bytes a query would scan over a year of (daily) exports, with and without billing-period pruning:
 *   whole Parquet files, and only the column chunks the query reads (Athena reads Parquet by column);
 *   and the two hourly months'.
 * - The monthly-report Lambda bundle with DuckDB kept out, and its import time.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { build } from 'esbuild';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';
import { generateCur2Dataset, type Cur2Dataset } from '../emulators/cur2/index.js';
import { ESBUILD_OPTIONS } from '../infra/constructs/bundling.js';
import { duckdbEngine } from '../shared/containers/duckdb-engine.js';
import { namespaceCostSql, type NamespaceQuery } from '../shared/containers/sql.js';
import { addMonths } from '../shared/time/dates.js';
import { importTimeMs } from './bench/import-time.js';

hideSdkNodeVersionWarning();
const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'cw-bench-containers-'));
const NOV: NamespaceQuery = {
  table: 'cur2',
  month: '2026-11',
  previousMonth: '2026-10',
  through: '2026-11-30',
  previousThrough: '2026-10-31',
};
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const count = (n: number) => n.toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The columns the query reads (the partition comes from the folder, not the file). */
const READ = [
  'line_item_operation',
  'line_item_usage_start_date',
  'line_item_resource_id',
  'resource_tags',
  'split_line_item_split_cost',
  'split_line_item_unused_cost',
];

function datasetLines(name: string, ds: Cur2Dataset) {
  console.log(`  ${name}:`);
  for (const f of ds.files) console.log(`    ${f.month}: ${count(f.rows).padStart(7)} rows, ${kib(f.bytes).padStart(11)}`);
}

async function columnBytes(files: readonly string[]): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const list = files.map((f) => `'${f}'`).join(', ');
    const names = READ.map((c) => `'${c}'`).join(', ');
    const reader = await conn.runAndReadAll(
      `SELECT sum(total_compressed_size)::BIGINT FROM parquet_metadata([${list}]) WHERE split_part(path_in_schema, ', ', 1) IN (${names})`,
    );
    return Number(reader.getRows()[0]?.[0] ?? 0);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

console.log('Local CUR 2.0 dataset (emulators/cur2): 2 EKS clusters, 12 namespaces, ECS, nodes, other services');
const daily = await generateCur2Dataset({ root: join(scratch, 'daily') });
const hourly = await generateCur2Dataset({ root: join(scratch, 'hourly'), granularity: 'hourly' });
datasetLines('daily (tests, demo)', daily);
datasetLines('hourly', hourly);

const engine = duckdbEngine({ kind: 'file', dir: hourly.exportDir }, 'cur2');
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await engine.run(NOV);
  times.push(performance.now() - t);
}
console.log(`\nDuckDB, the report's query over the hourly export (${NOV.month} and ${NOV.previousMonth}), in-process:`);
console.log(`  ${median(times).toFixed(0)} ms median of 5 (${times.map((t) => t.toFixed(0)).join(', ')}), DuckDB load and view included`);

const months = Array.from({ length: 12 }, (_, i) => addMonths('2025-12', i));
const year = await generateCur2Dataset({ root: join(scratch, 'year'), months });
const all = year.files.map((f) => f.path);
const two = year.files.filter((f) => f.month === NOV.month || f.month === NOV.previousMonth).map((f) => f.path);
const size = (files: string[]) => files.reduce((s, f) => s + statSync(f).size, 0);
console.log(`\nAthena, one report over a year of daily exports (${months[0]}…${months.at(-1)}), $5 per TB, 10 MB minimum per query:`);
console.log(`  with pruning (billing_period IN (2 months)): files ${kib(size(two))}, columns read ${kib(await columnBytes(two))}`);
console.log(`  without pruning (every billing period):      files ${kib(size(all))}, columns read ${kib(await columnBytes(all))}`);
const hourlyTwo = hourly.files.map((f) => f.path);
console.log(`  hourly, the two months: files ${kib(size(hourlyTwo))}, columns read ${kib(await columnBytes(hourlyTwo))}`);
console.log(`  the query: ${namespaceCostSql(NOV).split('\n').length} lines, the same text on DuckDB`);

const outfile = join(root, 'node_modules', '.cache', 'cost-watch-bench', 'monthly-report-containers.mjs');
const built = await build({
  ...ESBUILD_OPTIONS,
  entryPoints: [join(root, 'lambdas/monthly-report/handler.ts')],
  outfile,
  metafile: true,
  logLevel: 'error',
});
const duck = Object.keys(built.metafile.inputs).filter((i) => i.includes('@duckdb'));
const parts = Object.entries(Object.values(built.metafile.outputs)[0]!.inputs);
const share = (test: (path: string) => boolean) => kib(parts.filter(([p]) => test(p)).reduce((s, [, i]) => s + i.bytesInOutput, 0));
console.log("\nmonthly-report Lambda bundle (the stack's esbuild settings, @duckdb external):");
console.log(
  `  ${kib(statSync(outfile).size)}, import ${importTimeMs(root, outfile).toFixed(0)} ms (median of 7), @duckdb files bundled: ${duck.length}`,
);
console.log(
  `  of which the Athena client ${share((p) => p.includes('client-athena'))}, ` +
    `the containers code ${share((p) => p.includes('shared/containers/') || p.includes('monthly-report/containers'))}`,
);
rmSync(scratch, { recursive: true, force: true });
