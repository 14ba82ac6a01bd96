import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/**
 * The esbuild settings of every Lambda bundle, in one place: the stack's
 * NodejsFunction, the bundle benchmark and the bundle test all build with
 * these, so what is measured and tested is what is deployed.
 * (No aws-cdk-lib import here: the benchmark loads this file too.)
 */

/** Repository root: where package-lock.json and lambdas/ live, whatever the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `require` for the CommonJS modules esbuild inlines into the ESM bundle
 * (some dependencies require node built-ins at runtime).
 */
export const CREATE_REQUIRE_BANNER = "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

/** Lambda's credentials are always in the environment: see lambdas/credentials.ts. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': `${PROJECT_ROOT}lambdas/credentials.ts`,
};

/**
 * Left out of every bundle: DuckDB is a native module of ~60 MB that only the
 * local `containers.engine: "duckdb"` path imports (dynamically); the deployed
 * report queries Athena.
 */
export const BUNDLE_EXTERNALS: readonly string[] = ['@duckdb/node-api', '@duckdb/node-bindings'];

/** The same settings for esbuild's own build API. */
export const ESBUILD_OPTIONS: Readonly<BuildOptions> = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: { js: CREATE_REQUIRE_BANNER },
  minify: true,
  keepNames: true,
  alias: { ...BUNDLE_ALIASES },
  external: [...BUNDLE_EXTERNALS],
};
