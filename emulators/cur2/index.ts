import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { periodFolder } from '../../shared/containers/cur2-columns.js';
import { addMonths, parseIsoMonth, type IsoMonth } from '../../shared/time/dates.js';
import { monthRows, type Granularity, type MonthTruth } from './lines.js';
import { defaultScenario, type Scenario } from './scenario.js';
import { writeParquet } from './write.js';

export { defaultScenario, type Scenario } from './scenario.js';
export type { Cur2Row, Granularity, MonthTruth } from './lines.js';

export interface Cur2DatasetOptions {
  /** The folder that holds export folders (an S3 prefix's local twin). */
  readonly root: string;
  /** @default "cost-watch-cur2" */
  readonly exportName?: string;
  /** Billing periods to write, oldest first. @default the two months before 2026-12 */
  readonly months?: readonly IsoMonth[];
  /** @default "daily" (Data Exports' DAILY time granularity); "hourly" is ~24× the rows. */
  readonly granularity?: Granularity;
  readonly scenario?: Scenario;
}

export interface Cur2Dataset {
  /** `<root>/<export name>`: what `containers.export.path` points at (as a file:// URL). */
  readonly exportDir: string;
  readonly exportUrl: string;
  readonly files: ReadonlyArray<{ month: IsoMonth; path: string; key: string; rows: number; bytes: number }>;
  readonly truth: ReadonlyMap<IsoMonth, MonthTruth>;
}

export const DEFAULT_MONTHS: readonly IsoMonth[] = ['2026-10', '2026-11'];

/**
 * A CUR 2.0 export with split cost allocation data, laid out as Data Exports
 * writes it: `<root>/<export name>/data/BILLING_PERIOD=YYYY-MM/<export name>-00001.snappy.parquet`.
 */
export async function generateCur2Dataset(o: Cur2DatasetOptions): Promise<Cur2Dataset> {
  const exportName = o.exportName ?? 'cost-watch-cur2';
  const scenario = o.scenario ?? defaultScenario();
  const months = o.months ?? DEFAULT_MONTHS;
  const exportDir = resolve(o.root, exportName);
  const files: Array<Cur2Dataset['files'][number]> = [];
  const truth = new Map<IsoMonth, MonthTruth>();
  for (const [i, month] of months.entries()) {
    const { rows, truth: t } = monthRows(scenario, month, i, o.granularity ?? 'daily');
    const key = `${periodFolder(month)}${exportName}-00001.snappy.parquet`;
    const path = join(exportDir, key);
    files.push({ month, path, key, rows: rows.length, bytes: await writeParquet(rows, path) });
    truth.set(month, t);
  }
  return { exportDir, exportUrl: pathToFileURL(exportDir).href, files, truth };
}

/** `tsx emulators/cur2/index.ts --out DIR [--export NAME] [--month 2026-11] [--hourly]`: the months before and of --month. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, export: { type: 'string' }, month: { type: 'string' }, hourly: { type: 'boolean' } },
  });
  if (!values.out) throw new Error('--out: expected the folder to write the export into');
  const month = values.month ? parseIsoMonth(values.month) : '2026-11';
  if (!month) throw new Error(`--month: expected YYYY-MM, got ${values.month}`);
  const ds = await generateCur2Dataset({
    root: values.out,
    exportName: values.export,
    months: [addMonths(month, -1), month],
    granularity: values.hourly ? 'hourly' : 'daily',
  });
  for (const f of ds.files) process.stdout.write(`${f.path}: ${f.rows} rows, ${f.bytes} bytes\n`);
  process.stdout.write(`containers.export.path: ${ds.exportUrl}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
