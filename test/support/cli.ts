import { main } from '../../cli/main.js';
import { cliEnv, repoRoot, type CliResult, type RunCliOptions } from './cli-env.js';

export type { CliResult, RunCliOptions };
export { repoRoot };

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a command in this process through `main(argv, io, env)`, with the output and exit code a
 * real run would give. For its duration process.env is exactly the clean environment a spawned
 * CLI would see (the AWS SDK reads it there) and the working directory is `cwd`; both are put
 * back after. Runs queue one after another, so concurrent calls never see each other's env.
 */
export function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliResult> {
  const run = queue.then(() => runAlone(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function runAlone(args: string[], opts: RunCliOptions): Promise<CliResult> {
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const env = cliEnv(opts.env);
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), now: new Date() };
  replaceEnv(env);
  process.chdir(opts.cwd ?? repoRoot);
  try {
    const code = await withTimeout(main(args, io, process.env), opts.timeoutMs ?? 30_000, args, () => stderr);
    return { code, stdout, stderr };
  } finally {
    process.chdir(savedCwd);
    replaceEnv(savedEnv);
  }
}

/** In place: modules holding a reference to process.env see the change. */
function replaceEnv(next: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) if (!(name in next)) delete process.env[name];
  Object.assign(process.env, next);
}

function withTimeout(run: Promise<number>, ms: number, args: string[], stderr: () => string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`cost-watch ${args.join(' ')} did not finish within ${ms} ms\nstderr:\n${stderr()}`)), ms);
  });
  return Promise.race([run, late]).finally(() => clearTimeout(timer));
}
