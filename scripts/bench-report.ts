/**
 * `npm run bench:report`: the monthly FinOps review's figures, printed, never asserted.
 * - Cost Explorer requests per report and which operations (counted at the double).
 * - For an account with 150 services: render time of model + HTML + CSV and of
 *   the xlsx, the HTML, CSV and xlsx sizes, and the finance email (bench/email-size.ts).
 * - The monthly-report Lambda bundle (exceljs included) and its import time.
 */
import { importTimeMs } from './bench/import-time.js';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';
import { ESBUILD_OPTIONS } from '../infra/constructs/bundling.js';
import { renderCsv } from '../shared/report/csv.js';
import { renderHtml } from '../shared/report/html.js';
import { buildReportModel, type ReportData } from '../shared/report/model.js';
import { renderXlsx } from '../shared/report/xlsx/index.js';
import { dayRange } from '../shared/time/dates.js';
import { emailSizeLines } from './bench/email-size.js';
import { requestsPerReport } from './bench/report-requests.js';
import { reviewData } from '../test/support/review-data.js';

hideSdkNodeVersionWarning();

const root = resolve(import.meta.dirname, '..');
const SERVICES = Number(process.argv[2] ?? 150);
const RUNS = 30;

function data(): ReportData {
  const names = Array.from(
    { length: SERVICES },
    (_, i) => `Amazon Service ${String(i).padStart(3, '0')} - ${'Usage '.repeat(i % 4)}& "Co"`,
  );
  const current = new Map(names.map((n, i) => [n, 10 + ((i * 7919) % 5000)]));
  const previous = new Map(names.map((n, i) => [n, 10 + ((i * 104_729) % 5000)]));
  const tagSplit = (key: string, values: string[]) => ({
    key,
    current: new Map(values.map((v, i) => [`${key}$${v}`, 1000 * (i + 1)])),
    previous: new Map(values.map((v, i) => [`${key}$${v}`, 900 * (i + 1)])),
  });
  const days = dayRange('2026-03-01', '2026-03-31');
  return {
    month: '2026-03',
    currency: 'USD',
    metric: 'UnblendedCost',
    generatedAt: new Date().toISOString(),
    through: '2026-03-31',
    partial: false,
    estimated: false,
    current,
    previous,
    daily: new Map(days.map((d, i) => [d, 10_000 + (i % 7) * 500])),
    tags: [tagSplit('team', ['platform', 'data', 'web', '']), tagSplit('environment', ['production', 'staging', ''])],
    budgets: [{ name: 'Monthly AWS total', limit: 400_000, actual: 380_000, actualPct: 95, accountWide: true }],
    waste: {
      asOf: '2026-03-30',
      key: 'findings/idle-resources/2026-03-30.json',
      estimatedMonthlySavings: 1200,
      items: Array.from({ length: 20 }, (_, i) => ({
        kind: 'idle instance' as const,
        id: `i-${i}`,
        region: 'us-east-1',
        detail: 'm5.large, avg CPU 1.0%',
        estimatedMonthlyCost: 60,
      })),
    },
    review: reviewData({
      rightsizing: Array.from({ length: 25 }, (_, i) => ({
        account: '123456789012',
        instanceId: `i-${i}`,
        instanceType: 'm5.2xlarge',
        action: 'modify' as const,
        targetType: 'm5.xlarge',
        estimatedMonthlySavings: 140 - i,
      })),
      unitCost: {
        unit: 'lead',
        units: 600_000,
        costPerUnit: 0.0523,
        target: 0.05,
        previousCostPerUnit: 0.0491,
        daily: days.map((date, i) => ({ date, costPerUnit: 0.05 + (i % 5) * 0.001 })),
      },
    }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function render() {
  const input = data();
  renderHtml(buildReportModel(input));
  await renderXlsx(buildReportModel(input), { accounts: [] }); // warm-up: JIT, Intl and zip caches
  const page: number[] = [];
  const sheet: number[] = [];
  let out: { html: string; csv: string; xlsx: Buffer } = { html: '', csv: '', xlsx: Buffer.alloc(0) };
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const model = buildReportModel(input);
    const html = renderHtml(model);
    const csv = renderCsv(model);
    page.push(performance.now() - t);
    t = performance.now();
    const xlsx = await renderXlsx(model, {
      accounts: [
        {
          account: '123456789012',
          name: null,
          amount: model.total.amount,
          previous: model.total.previous,
          changePct: model.total.changePct,
        },
      ],
    });
    sheet.push(performance.now() - t);
    out = { html, csv, xlsx };
  }
  return {
    page,
    sheet,
    sizes: { html: Buffer.byteLength(out.html), csv: Buffer.byteLength(out.csv), xlsx: out.xlsx.length },
    email: await emailSizeLines(buildReportModel(input)),
  };
}

/** The bundle as deployed, and (for comparison only) with exceljs left out: what the workbook costs. */
async function bundle(external: string[]): Promise<{ bytes: number; importMs: number }> {
  const outfile = join(root, 'node_modules', '.cache', 'cost-watch-bench', `monthly-report${external.length ? '-lean' : ''}.mjs`);
  const externals = [...(ESBUILD_OPTIONS.external ?? []), ...external];
  await build({
    entryPoints: [join(root, 'lambdas/monthly-report/handler.ts')],
    outfile,
    ...ESBUILD_OPTIONS,
    external: externals,
    logLevel: 'error',
  });
  return { bytes: statSync(outfile).size, importMs: importTimeMs(root, outfile) };
}

const requests = await requestsPerReport();
console.log('Cost Explorer requests per monthly report ($0.01 each), counted at the double');
for (const r of requests)
  console.log(
    `  ${String(r.total).padStart(2)}  ${r.name}\n      ${Object.entries(r.operations)
      .map(([op, n]) => `${op} ×${n}`)
      .join(', ')}`,
  );
console.log('  (+1 CloudWatch GetMetricData with unitCost; GetCostAndUsage pages only past 5,000 groups)');

const r = await render();
console.log(`\nRendering, ${SERVICES} services, 25 rightsizing rows, unit cost, ${RUNS} runs`);
console.log(`  model + HTML + CSV   median ${median(r.page).toFixed(1)} ms, p95 ${p95(r.page).toFixed(1)} ms`);
console.log(`  xlsx (exceljs)       median ${median(r.sheet).toFixed(1)} ms, p95 ${p95(r.sheet).toFixed(1)} ms`);
console.log(`  sizes: HTML ${kib(r.sizes.html)}, CSV ${kib(r.sizes.csv)}, xlsx ${kib(r.sizes.xlsx)}`);
console.log(r.email.join('\n'));

const deployed = await bundle([]);
const lean = await bundle(['exceljs']);
console.log('\nmonthly-report Lambda bundle (minified ESM, SDK bundled), import time in a fresh Node (median of 7)');
console.log(
  `  as deployed (exceljs inside, loaded on first use)   ${kib(deployed.bytes).padStart(11)}   ${deployed.importMs.toFixed(0)} ms`,
);
console.log(`  without exceljs (comparison only)                   ${kib(lean.bytes).padStart(11)}   ${lean.importMs.toFixed(0)} ms`);
