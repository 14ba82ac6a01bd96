import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliEnv, repoRoot, type CliResult, type RunCliOptions } from './cli-env.js';

const bin = fileURLToPath(new URL('../../bin/cost-watch.js', import.meta.url));

/**
 * Runs `bin/cost-watch.js` as a user would (a real process: the bin, tsx, exit codes, warnings),
 * and resolves with its exit code and output. For the few smoke tests; others use runCli (in-process).
 */
export async function runCliProcess(args: string[], opts: RunCliOptions & { input?: string } = {}): Promise<CliResult> {
  if (!existsSync(bin)) throw new Error(`runCliProcess: ${bin} does not exist yet`);
  const env = cliEnv(opts.env);
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
