/**
 * `npm run bench:report`: how long the monthly report takes to build and
 * render for a large account (150 services, 2 tag keys, 31 days), and how big
 * the HTML and CSV get. Pure rendering: no AWS, no emulator.
 */
import { performance } from 'node:perf_hooks';
import { renderCsv } from '../shared/report/csv.js';
import { renderHtml } from '../shared/report/html.js';
import { buildReportModel, type ReportData } from '../shared/report/model.js';
import { dayRange } from '../shared/time/dates.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';
import { emailSizeLines } from './bench/email-size.js';

hideSdkNodeVersionWarning();

const SERVICES = Number(process.argv[2] ?? 150);
const RUNS = 50;

function data(): ReportData {
  const names = Array.from({ length: SERVICES }, (_, i) => `Amazon Service ${String(i).padStart(3, '0')} - ${'Usage '.repeat(i % 4)}& "Co"`);
  const current = new Map(names.map((n, i) => [n, 10 + ((i * 7919) % 5000)]));
  const previous = new Map(names.map((n, i) => [n, 10 + ((i * 104_729) % 5000)]));
  const tagSplit = (key: string, values: string[]) => ({
    key,
    current: new Map(values.map((v, i) => [`${key}$${v}`, 1000 * (i + 1)])),
    previous: new Map(values.map((v, i) => [`${key}$${v}`, 900 * (i + 1)])),
  });
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
    daily: new Map(dayRange('2026-03-01', '2026-03-31').map((d, i) => [d, 10_000 + (i % 7) * 500])),
    tags: [tagSplit('team', ['platform', 'data', 'web', '']), tagSplit('environment', ['prod', 'staging', ''])],
    budgets: [{ name: 'Monthly AWS total', limit: 400_000, actual: 380_000, actualPct: 95, accountWide: true }],
    waste: {
      asOf: '2026-03-30',
      key: 'findings/idle-resources/2026-03-30.json',
      estimatedMonthlySavings: 1200,
      items: Array.from({ length: 20 }, (_, i) => ({ kind: 'idle instance' as const, id: `i-${i}`, region: 'us-east-1', detail: 'm5.large, avg CPU 1.0%', estimatedMonthlyCost: 60 })),
    },
  };
}

const input = data();
let html = '';
let csv = '';
renderHtml(buildReportModel(input)); // warm-up: JIT and Intl caches
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const model = buildReportModel(input);
  html = renderHtml(model);
  csv = renderCsv(model);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
process.stdout.write(
  [
    `monthly report, ${SERVICES} services, ${RUNS} runs (model + HTML + CSV):`,
    `  median ${at(0.5)} ms, p95 ${at(0.95)} ms`,
    `  HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB, CSV ${(Buffer.byteLength(csv) / 1024).toFixed(1)} KiB`,
    '  Cost Explorer requests per report: 2 (MONTHLY by SERVICE over both months + DAILY total), +1 per report.groupByTags key',
    '',
  ].join('\n'),
);
process.stdout.write(`${(await emailSizeLines(buildReportModel(input))).join('\n')}\n`);
