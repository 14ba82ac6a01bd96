import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RunCliOptions {
  /** Merged over a clean environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** @default the repo root */
  cwd?: string;
  /** Written to stdin; stdin is closed either way so the CLI never waits on a terminal. */
  input?: string;
  /** @default 30000 */
  timeoutMs?: number;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/cost-watch.js', import.meta.url));

/**
 * Only PATH and HOME come from the parent: a developer's real AWS_* variables, profile or
 * ~/.aws files must never let a test reach real AWS, so config and credential files point nowhere.
 */
function cleanEnv(): Record<string, string> {
  const base: Record<string, string> = {
    AWS_CONFIG_FILE: '/nonexistent/cost-watch-test/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cost-watch-test/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_COLOR: '1',
  };
  for (const name of ['PATH', 'HOME'] as const) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return base;
}

/** Runs `bin/cost-watch.js` as a user would, and resolves with its exit code and output. */
export async function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliResult> {
  if (!existsSync(bin)) throw new Error(`runCli: ${bin} does not exist yet`);
  const env: Record<string, string> = cleanEnv();
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A CLI that exits before reading stdin makes the write fail with EPIPE; that is not a test failure.
  child.stdin.on('error', () => undefined);
  child.stdin.end(opts.input ?? '');
  return new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cost-watch ${args.join(' ')} did not finish within ${timeoutMs} ms\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
