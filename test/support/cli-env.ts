import { fileURLToPath } from 'node:url';

export interface RunCliOptions {
  /** Merged over a clean environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** @default the repo root */
  cwd?: string;
  /** @default 30000 */
  timeoutMs?: number;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The whole environment a CLI run sees: only PATH and HOME come from the parent, so a developer's
 * real AWS_* variables, profile or ~/.aws files never let a test reach real AWS (config and
 * credential files point nowhere); then `extra`, where `undefined` removes a variable.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    AWS_CONFIG_FILE: '/nonexistent/cost-watch-test/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cost-watch-test/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_COLOR: '1',
  };
  for (const name of ['PATH', 'HOME'] as const) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
