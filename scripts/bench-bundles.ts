/**
 * Every Lambda bundle, built as the stack builds it (infra/constructs/bundling.ts):
 * minified size and the median import time of the built handler in fresh Node
 * processes (a cold start's module load). Bundles are written outside the repo, so
 * a bundle that leans on node_modules fails here as it would on Lambda.
 *
 *   npm run bench:bundles
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESBUILD_OPTIONS, PROJECT_ROOT } from '../infra/constructs/bundling.js';
import { importTimeMs } from './bench/import-time.js';

// The Slack endpoint refuses to load without its ledger table; the jobs start as well with it.
const CONFIG = JSON.stringify({ ledgerTable: 'bench-ledger' });
// The response-streaming global the Lambda Node.js runtime gives the Slack endpoint at import.
const LAMBDA_STREAMING = 'globalThis.awslambda={streamifyResponse:(f)=>f,HttpResponseStream:{from:(s)=>s}}';
const outDir = mkdtempSync(join(tmpdir(), 'cw-bundles-'));
const handlers = readdirSync(join(PROJECT_ROOT, 'lambdas'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

console.log('Lambda bundles (minified ESM, SDK bundled, as deployed); import time: median of 5 fresh node processes');
console.log(`  ${'function'.padEnd(24)} ${'size'.padStart(10)} ${'import'.padStart(9)}`);
for (const name of handlers) {
  const outfile = join(outDir, name, 'index.mjs');
  await build({ ...ESBUILD_OPTIONS, entryPoints: [join(PROJECT_ROOT, 'lambdas', name, 'handler.ts')], outfile, logLevel: 'error' });
  const kib = (statSync(outfile).size / 1024).toFixed(0);
  const ms = importTimeMs(outDir, outfile, { runs: 5, config: CONFIG, prelude: LAMBDA_STREAMING }).toFixed(0);
  console.log(`  ${name.padEnd(24)} ${`${kib} KiB`.padStart(10)} ${`${ms} ms`.padStart(9)}`);
}
