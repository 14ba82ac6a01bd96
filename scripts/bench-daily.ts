import { ALL_CLIENTS } from '../shared/aws/all-clients.js';
/**
 * `npm run bench:daily`: the figures issue #3 asks for, printed, never asserted.
 * - Cost Explorer requests per daily run, counted at the double (each costs $0.01), with and
 *   without spikes and anomalies; CloudWatch GetMetricData calls (unitCost, against moto).
 * - Minified bundle size of the daily-spend Lambda, built as the stack builds it.
 * - Import time of the bundled handler module in a fresh Node process (cold start proxy).
 */
import { importTimeMs } from './bench/import-time.js';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { startCostExplorerDouble } from '../emulators/cost-explorer.js';
import { findMotoServer, startMoto, type MotoHandle } from '../emulators/moto.js';
import { putDailyUnits } from '../emulators/unit-metric.js';
import { dailySpendScenario } from '../emulators/scenarios/daily-spend.js';
import { parseConfig } from '../shared/config/load.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { createContext } from '../shared/jobs/common/context.js';
import { runDailySpend } from '../shared/jobs/daily-spend/job.js';
import { silentLogger } from '../shared/log.js';
import { ESBUILD_OPTIONS } from '../infra/constructs/bundling.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';

hideSdkNodeVersionWarning();

const root = resolve(import.meta.dirname, '..');
const DAY = '2026-11-20';

interface Row {
  readonly name: string;
  readonly ce: number;
  readonly byOperation: string;
  readonly cloudWatch: number;
}

const UNIT_METRIC = { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' } };

/** moto for the unit metric's CloudWatch calls; the bench runs without it, minus that case. */
async function startCloudWatch(): Promise<MotoHandle | undefined> {
  if (!findMotoServer()) return undefined;
  const moto = await startMoto();
  process.env.AWS_ENDPOINT_URL_CLOUDWATCH = moto.url;
  const cw = new CloudWatchClient({ endpoint: moto.url, region: 'us-east-1', disableRequestCompression: true });
  await putDailyUnits(cw, UNIT_METRIC, { '2026-11-19': 16_000, [DAY]: 10_000 });
  return moto;
}

async function requestsPerRun(): Promise<Row[]> {
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  process.env.AWS_REGION ??= 'us-east-1';
  const ce = await startCostExplorerDouble();
  process.env.AWS_ENDPOINT_URL_COST_EXPLORER = ce.url;
  const moto = await startCloudWatch();
  const unitCost = { unit: 'lead', target: 0.05, metric: { ...UNIT_METRIC, region: 'us-east-1' } };
  const rows: Row[] = [];
  const cases = [
    { name: 'no spike (2026-11-18)', date: '2026-11-18', extra: 0, pageSize: 5000, dailySpend: {} },
    { name: 'spikes, previous-day, recheck 2', extra: 0, pageSize: 5000, dailySpend: { baseline: 'previous-day' } },
    { name: 'spikes, median-7, recheck 7', extra: 0, pageSize: 5000, dailySpend: { baseline: 'median-7', recheckDays: 7 } },
    { name: 'spikes, 113 services, 1000 groups a page', extra: 100, pageSize: 1000, dailySpend: {} },
    { name: 'spikes + anomalies on', extra: 0, pageSize: 5000, dailySpend: { anomalies: true } },
    { name: 'no spike + anomalies on', date: '2026-11-18', extra: 0, pageSize: 5000, dailySpend: { anomalies: true } },
    ...(moto ? [{ name: 'spikes + anomalies + unitCost', extra: 0, pageSize: 5000, dailySpend: { anomalies: true }, unitCost }] : []),
  ];
  try {
    for (const c of cases) {
      ce.setDataset(dailySpendScenario({ spikeDay: DAY, extraServices: c.extra }), { anomalies: [] });
      ce.pageSize = c.pageSize;
      ce.resetRequests();
      const config = parseConfig({ dailySpend: c.dailySpend, ...('unitCost' in c ? { unitCost: c.unitCost } : {}) });
      const ctx = createContext({ config, log: silentLogger, dryRun: true, aws: new AwsClients(process.env, ALL_CLIENTS) });
      const result = await runDailySpend(ctx, { date: c.date ?? DAY });
      const ops = new Map<string, number>();
      for (const r of ce.requests) ops.set(r.operation, (ops.get(r.operation) ?? 0) + 1);
      if (result.costExplorerRequests !== ce.requests.length)
        throw new Error(`${c.name}: result says ${result.costExplorerRequests} CE requests, the double saw ${ce.requests.length}`);
      rows.push({
        name: c.name,
        ce: ce.requests.length,
        byOperation: [...ops].map(([o, n]) => `${n} ${o}`).join(' + '),
        cloudWatch: result.cloudWatchRequests,
      });
    }
  } finally {
    await Promise.all([ce.stop(), moto?.stop()]);
  }
  return rows;
}

async function bundle(external: boolean): Promise<string> {
  // Inside node_modules/.cache so that external @aws-sdk/* imports resolve as they would on Lambda.
  const outfile = join(root, 'node_modules', '.cache', 'cost-watch-bench', external ? 'lean.mjs' : 'bundled.mjs');
  await build({
    entryPoints: [join(root, 'lambdas/daily-spend/handler.ts')],
    outfile,
    ...ESBUILD_OPTIONS,
    external: external ? ['@aws-sdk/*'] : [],
    logLevel: 'error',
  });
  return outfile;
}

const importMs = (file: string) => importTimeMs(root, file);

const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(1)} KB`;

const rows = await requestsPerRun();
console.log('Requests per daily-spend run (goal: Cost Explorer 1 without spikes, ≤ 2 with, ≤ 3 with anomalies on; $0.01 each)');
console.log(`  ${'case'.padEnd(42)} ${'CE'.padStart(3)} ${'CloudWatch'.padStart(10)}   Cost Explorer operations`);
for (const r of rows)
  console.log(`  ${r.name.padEnd(42)} ${String(r.ce).padStart(3)} ${String(r.cloudWatch).padStart(10)}   ${r.byOperation}`);
if (!rows.some((r) => r.cloudWatch)) console.log('  (moto_server not found: the unitCost case, which needs CloudWatch, was skipped)');

const fat = await bundle(false);
const lean = await bundle(true);
console.log('\nDaily-spend Lambda bundle (minified, ESM)');
console.log(`  SDK bundled and tree-shaken (as deployed)   ${kb(fat)}   (goal ≤ 300 KB)`);
console.log(`  @aws-sdk/* left to the Lambda runtime       ${kb(lean)}`);
console.log('\nHandler module import time, median of 7 fresh processes (goal ≤ 200 ms)');
console.log(`  SDK bundled (as deployed)                   ${importMs(fat).toFixed(0)} ms`);
console.log(`  @aws-sdk/* loaded from node_modules         ${importMs(lean).toFixed(0)} ms`);
