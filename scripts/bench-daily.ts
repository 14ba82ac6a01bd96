/**
 * `npm run bench:daily`: the figures issue #3 asks for, printed, never asserted.
 * - Cost Explorer requests per daily run, counted at the double (each costs $0.01).
 * - Minified bundle size of the daily-spend Lambda, built as the stack builds it.
 * - Import time of the bundled handler module in a fresh Node process (cold start proxy).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { startCostExplorerDouble } from '../emulators/cost-explorer.js';
import { dailySpendScenario } from '../emulators/scenarios/daily-spend.js';
import { parseConfig } from '../shared/config/load.js';
import { AwsClients, createContext } from '../shared/jobs/context.js';
import { runDailySpend } from '../shared/jobs/daily-spend.js';
import { silentLogger } from '../shared/log.js';
import { ESBUILD_OPTIONS } from '../infra/constructs/bundling.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';

hideSdkNodeVersionWarning();

const root = resolve(import.meta.dirname, '..');
const DAY = '2026-11-20';

async function requestsPerRun(): Promise<Array<[string, number]>> {
  const ce = await startCostExplorerDouble();
  process.env.AWS_ENDPOINT_URL_COST_EXPLORER = ce.url;
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  const rows: Array<[string, number]> = [];
  const cases = [
    { name: '13 services, previous-day, recheck 2', extra: 0, pageSize: 5000, baseline: 'previous-day' },
    { name: '13 services, median-7, recheck 7', extra: 0, pageSize: 5000, baseline: 'median-7', recheckDays: 7 },
    { name: '113 services, 5000 groups a page', extra: 100, pageSize: 5000, baseline: 'previous-day' },
    { name: '113 services, 1000 groups a page', extra: 100, pageSize: 1000, baseline: 'previous-day' },
  ];
  try {
    for (const c of cases) {
      ce.setDataset(dailySpendScenario({ spikeDay: DAY, extraServices: c.extra }));
      ce.pageSize = c.pageSize;
      ce.resetRequests();
      const config = parseConfig({ dailySpend: { baseline: c.baseline, recheckDays: c.recheckDays ?? 2 } });
      const ctx = createContext({ config, log: silentLogger, dryRun: true, aws: new AwsClients() });
      await runDailySpend(ctx, { date: DAY });
      rows.push([c.name, ce.requests.length]);
    }
  } finally {
    await ce.stop();
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

function importMs(file: string, runs = 7): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, NODE_PATH: join(root, 'node_modules') } })),
  ).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(1)} KB`;

const rows = await requestsPerRun();
console.log('Cost Explorer GetCostAndUsage requests per daily-spend run (goal: 1)');
for (const [name, n] of rows) console.log(`  ${name.padEnd(40)} ${n}`);

const fat = await bundle(false);
const lean = await bundle(true);
console.log('\nDaily-spend Lambda bundle (minified, ESM)');
console.log(`  SDK bundled and tree-shaken (as deployed)   ${kb(fat)}   (goal ≤ 300 KB)`);
console.log(`  @aws-sdk/* left to the Lambda runtime       ${kb(lean)}`);
console.log('\nHandler module import time, median of 7 fresh processes (goal ≤ 200 ms)');
console.log(`  SDK bundled (as deployed)                   ${importMs(fat).toFixed(0)} ms`);
console.log(`  @aws-sdk/* loaded from node_modules         ${importMs(lean).toFixed(0)} ms`);
