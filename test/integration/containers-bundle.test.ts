import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ESBUILD_OPTIONS, PROJECT_ROOT } from '../../infra/constructs/bundling.js';

describe('monthly-report Lambda bundle', () => {
  it('leaves DuckDB out (imported only on the duckdb path) and carries the Athena client', async () => {
    const out = await build({
      ...ESBUILD_OPTIONS,
      entryPoints: [join(PROJECT_ROOT, 'lambdas', 'monthly-report', 'handler.ts')],
      outfile: join(mkdtempSync(join(tmpdir(), 'cw-bundle-duck-')), 'index.mjs'),
      metafile: true,
      write: false,
      logLevel: 'error',
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((i) => i.includes('@duckdb'))).toEqual([]);
    expect(inputs.some((i) => i.includes('client-athena'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('shared/containers/duckdb-engine.ts'))).toBe(true);
    const code = out.outputFiles[0]!.text;
    expect(code).toMatch(/import\(\s*["']@duckdb\/node-api["']\s*\)/);
  }, 120_000);
});
